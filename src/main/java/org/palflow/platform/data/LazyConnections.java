package org.palflow.platform.data;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Hands out connections that reach the database only when a statement is run. A transaction begins by setting
 * autocommit (and read-only) on its connection and ends by committing and setting them back: four or five round
 * trips, which a transaction that finds all it needs without a query (an event listener that only hands off to the
 * engine, a lookup answered from the persistence context) paid for nothing; in the lifecycle benchmark a tenth of
 * all transactions ran no statement at all.
 */
@Component
class LazyConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource pool && !(bean instanceof LazyConnectionDataSourceProxy)) {
            return new LazyConnectionDataSourceProxy(pool);
        }
        return bean;
    }
}

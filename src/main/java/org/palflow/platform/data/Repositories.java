package org.palflow.platform.data;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Repositories open no transaction of their own; the features' services draw the boundaries. A read on its own is
 * one statement and needs none (wrapped in one it cost three more round trips: autocommit off, commit, autocommit
 * on), and a write outside a service's transaction fails loudly instead of committing on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "org.palflow", enableDefaultTransactions = false)
class Repositories {
}

package org.palflow.platform.data;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that stores a row under a unique key unless it finds the one already there (a registration for an address, a
 * task's open draft, a rescoring request). Two requests at once (a double click, a client's retry) both find nothing
 * and both store; the database's key refuses the second, whose transaction is rolled back whole. Run again in a new
 * transaction, the same work finds the first one's row and answers with it.
 */
public final class StoreOrFind {

    private StoreOrFind() {
    }

    public static <T> T inTransaction(TransactionTemplate transactions, TransactionCallback<T> work) {
        try {
            return transactions.execute(work);
        } catch (DataIntegrityViolationException storedMeanwhile) {
            return transactions.execute(work);
        }
    }
}

package org.grandjour.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Something gathered during a transaction and acted on once it commits (never if it rolls back): the
 * first call of a transaction makes the gathering object and registers the action, later calls of the
 * same transaction get that object back.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    /** The transaction's object under {@code key}; {@code action} gets it after the commit. The transaction must be active. */
    public static <T> T gathered(TransactionSynchronizationRegistry transactions, Object key, Supplier<T> make, Consumer<T> action) {
        @SuppressWarnings("unchecked")
        T gathered = (T) transactions.getResource(key);
        if (gathered == null) {
            T made = make.get();
            transactions.putResource(key, made);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.accept(made);
                    }
                }
            });
            gathered = made;
        }
        return gathered;
    }
}

package org.peercircle.assessment;

import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped PostgreSQL advisory locks that serialise writers of one key across replicas (two submissions
 * with the same idempotency key, two coordinators defining the same instrument version). The two-number form keeps
 * these keys apart from the outbox relay's lock.
 */
public enum AdvisoryLocks {

    INSTRUMENT(0x41534D01),
    IDEMPOTENCY_KEY(0x41534D02);

    private final int namespace;

    AdvisoryLocks(int namespace) {
        this.namespace = namespace;
    }

    /** Waits for the lock on {@code key}; it is released when the current transaction ends. */
    public void lock(EntityManager em, String key) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, namespace).setParameter(2, key).getSingleResult();
    }
}

package org.palflow.platform.data;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose key is known before it is stored: a content hash, the submission it belongs to. Spring Data takes
 * an entity with a key for one already stored and merges it, which reads the row first; this one is new until it
 * has been stored or loaded, so saving a new one is a single insert.
 */
@MappedSuperclass
public abstract class KnownKeyEntity<K> implements Persistable<K> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}

package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A mentoring milestone from the mentor toolkit, kept as data. */
@Entity
class MilestoneType {

    @Id
    private String code;
    private String title;
    private int sequence;
    private boolean opensWithMentorship;

    protected MilestoneType() {
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public int getSequence() {
        return sequence;
    }

    public boolean isOpensWithMentorship() {
        return opensWithMentorship;
    }
}

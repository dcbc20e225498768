package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A school leader who can mentor candidates at their own school. */
@Entity
class Mentor {

    @Id
    private Long id;
    private String email;
    private String fullName;
    private String district;
    private String school;

    protected Mentor() {
    }

    boolean leads(String candidateDistrict, String candidateSchool) {
        return district.equalsIgnoreCase(candidateDistrict) && school.equalsIgnoreCase(candidateSchool);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getDistrict() {
        return district;
    }

    public String getSchool() {
        return school;
    }
}

package org.palflow.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.palflow.program.District;

/** A trained scorer: their own district and preparation program decide what they may never score. */
@Entity
class Scorer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String fullName;
    private String email;
    private String district;
    /** Null only for a scorer from before districts had codes that the migration could not match. */
    private String districtCode;
    private String programCode;
    private int capacity;
    private boolean active;

    protected Scorer() {
    }

    Scorer(String username, String fullName, String email, District district, String programCode, int capacity) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.district = district.name();
        this.districtCode = district.code();
        this.programCode = programCode;
        this.capacity = capacity;
        this.active = true;
    }

    public String getFullName() {
        return fullName;
    }

    void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDistrict() {
        return district;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getProgramCode() {
        return programCode;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}

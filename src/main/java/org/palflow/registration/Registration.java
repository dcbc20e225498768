package org.palflow.registration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A candidate's registration, which is also the candidate record once it is active. */
@Entity
@Table(name = "candidate_registration")
class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fullName;
    private String email;
    private String programCode;
    private String cohortCode;
    private String district;
    /** Null only for a registration from before districts had codes that the migration could not match. */
    private String districtCode;
    private String school;
    /** Null only for a registration from before schools had codes that the migration could not match. */
    private String schoolCode;
    private String handbookVersion;
    private boolean policiesConfirmed;
    @Enumerated(EnumType.STRING)
    private RegistrationStatus status;
    private String rejectionReason;
    private String registeredBy;
    private Long processInstanceKey;
    private Instant createdAt;
    private Instant updatedAt;
    /** Massachusetts Education Personnel Identifier: eight digits, the state's key for licensure. */
    private String mepid;
    @Version
    private long version;

    protected Registration() {
    }

    Registration(RegistrationRules.Placed placed, String registeredBy, Instant now) {
        RegistrationDetails details = placed.details();
        this.fullName = details.fullName();
        this.email = details.email();
        this.programCode = details.programCode();
        this.cohortCode = details.cohortCode();
        this.district = details.district();
        this.districtCode = placed.districtCode();
        this.schoolCode = placed.schoolCode();
        this.school = details.school();
        this.handbookVersion = details.handbookVersion();
        this.policiesConfirmed = details.policiesConfirmed();
        this.status = RegistrationStatus.SUBMITTED;
        this.registeredBy = registeredBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    RegistrationDetails details() {
        return new RegistrationDetails(fullName, email, programCode, cohortCode, district, school, handbookVersion,
                policiesConfirmed);
    }

    void activate(Instant now) {
        if (status == RegistrationStatus.SUBMITTED) {
            status = RegistrationStatus.ACTIVE;
            updatedAt = now;
        }
    }

    void reject(List<String> reasons, Instant now) {
        if (status == RegistrationStatus.SUBMITTED) {
            status = RegistrationStatus.REJECTED;
            rejectionReason = String.join("\n", reasons);
            updatedAt = now;
        }
    }

    public List<String> rejectionReasons() {
        return rejectionReason == null ? List.of() : Arrays.asList(rejectionReason.split("\n"));
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getProgramCode() {
        return programCode;
    }

    public String getCohortCode() {
        return cohortCode;
    }

    public String getDistrict() {
        return district;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public String getSchoolCode() {
        return schoolCode;
    }

    public String getSchool() {
        return school;
    }

    public String getHandbookVersion() {
        return handbookVersion;
    }

    public boolean isPoliciesConfirmed() {
        return policiesConfirmed;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getMepid() {
        return mepid;
    }

    void setMepid(String mepid, Instant now) {
        this.mepid = mepid;
        this.updatedAt = now;
    }
}

package org.palflow.platform.data;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Repositories open no transaction of their own; the features' services draw the boundaries. A read on its own is
 * one statement and needs none (wrapped in one it cost three more round trips: autocommit off, commit, autocommit
 * on), and a write outside a service's transaction fails loudly instead of committing on its own.
 *
 * <p>The lookups every request or job makes are written in JPQL ({@code @Query}) rather than derived from the
 * method's name: for a derived one, Spring Data JPA 3.5 builds a Criteria query on each call, which Hibernate
 * translates anew each time (its plan cache holds JPQL strings, not criteria trees). Building and translating them
 * was 5% of the app's CPU samples in the lifecycle benchmark. Rarely used lookups keep their derived names.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "org.palflow", enableDefaultTransactions = false)
class Repositories {
}

package org.palflow.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's form handler: it checks every text field with {@link TypedText} itself and shows the refusal beside
 * the field, so the blanket check of posted forms ({@code TypedFormFields}) leaves it to it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChecksTypedText {
}

package org.itinera.core.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type, or a record component, that carries medical detail (history, findings, tests,
 * diagnoses, conditions of travel). Only services that require {@link Permission#MEDICAL_DETAIL_READ}
 * may return such values, and only the desktop's medical package may depend on such types: a
 * test walks every service result for every role, and an architecture rule checks the screens.
 * The fitness decision alone (fit / fit with escort / unfit / pending) is not medical detail.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface MedicalDetail {
}

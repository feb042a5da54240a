package org.itinera.core.movement;

/**
 * IATA special service request codes the missions use. They tell the carrier what help to give;
 * they are not a diagnosis (medical details never reach a manifest).
 */
public enum SpecialServiceRequest {
    /** Wheelchair to the aircraft door; can climb steps. */
    WCHR,
    /** Wheelchair; cannot climb steps. */
    WCHS,
    /** Wheelchair; immobile, carried to the seat. */
    WCHC,
    /** Stretcher. */
    STCR,
    /** Medical oxygen on board. */
    OXYG,
    /** Medical case cleared by the carrier (MEDIF). */
    MEDA,
    /** Unaccompanied minor. */
    UMNR
}

package org.itinera.desktop.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.itinera.core.access.Role;
import org.itinera.core.assistance.DeliveryModality;
import org.itinera.core.assistance.PlanCategory;
import org.itinera.core.assistance.PlanStatus;
import org.itinera.core.assistance.ReferralStatus;
import org.itinera.core.assistance.VisitType;
import org.itinera.core.casefile.CaseStatus;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.casefile.Sex;
import org.itinera.core.consent.ConsentMethod;
import org.itinera.core.consent.ConsentPurpose;
import org.itinera.core.medical.AssessmentType;
import org.itinera.core.medical.EscortLevel;
import org.itinera.core.medical.Fitness;
import org.itinera.core.medical.TreatmentReferralStatus;
import org.itinera.core.movement.BookingStatus;
import org.itinera.core.movement.EscortType;
import org.itinera.core.movement.ManifestStatus;
import org.itinera.core.movement.MovementEventType;
import org.itinera.core.movement.MovementStatus;
import org.itinera.core.movement.PassengerStatus;
import org.itinera.core.movement.SpecialServiceRequest;
import org.itinera.core.protection.BestInterestStepType;
import org.itinera.core.protection.RiskLevel;
import org.itinera.desktop.i18n.Messages;
import org.itinera.sync.exchange.ConflictService;

/**
 * What the sync screens and {@code itinera sync conflicts} call a synced table ("personal details")
 * and a column ("place of birth") instead of their SQL names, and how a conflicting value is shown:
 * enumeration codes by their label ({@link Messages#label}), yes/no for true/false, an instant in UTC
 * to the minute as elsewhere in the sync area, sealed medical bytes not at all. Keys:
 * {@code sync.record.<table>} and {@code sync.field.<column>} (SyncLabelsCompletenessTest checks that
 * every synced table and column has one in every language).
 *
 * <p>In Arabic, a value written in Latin letters (a name, a machine, a date) sits inside
 * right-to-left text; it is wrapped in Unicode isolates (U+2068 … U+2069) so that the quotes, colons
 * and brackets around it stay where the sentence puts them.
 */
public final class SyncLabels {
    static final String RECORD = "sync.record.";
    static final String FIELD = "sync.field.";
    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    /** Columns holding an enumeration's constant name, by table then column. */
    private static final Map<String, Map<String, Class<? extends Enum<?>>>> ENUMS = Map.ofEntries(
            Map.entry("person", Map.of("sex", Sex.class)),
            Map.entry("case_file", Map.of("case_type", CaseType.class, "status", CaseStatus.class)),
            Map.entry("movement", Map.of("status", MovementStatus.class)),
            Map.entry("movement_event", Map.of("event_type", MovementEventType.class,
                    "from_status", MovementStatus.class, "to_status", MovementStatus.class)),
            Map.entry("booking", Map.of("status", BookingStatus.class)),
            Map.entry("booking_ssr", Map.of("code", SpecialServiceRequest.class)),
            Map.entry("escort", Map.of("escort_type", EscortType.class)),
            Map.entry("manifest", Map.of("status", ManifestStatus.class)),
            Map.entry("manifest_passenger", Map.of("status", PassengerStatus.class)),
            Map.entry("vulnerability_screening", Map.of("risk_level", RiskLevel.class)),
            Map.entry("best_interest_step", Map.of("step", BestInterestStepType.class)),
            Map.entry("assistance_plan", Map.of("status", PlanStatus.class)),
            Map.entry("plan_component", Map.of("category", PlanCategory.class)),
            Map.entry("assistance_delivery", Map.of("modality", DeliveryModality.class)),
            Map.entry("follow_up", Map.of("visit_type", VisitType.class)),
            Map.entry("referral", Map.of("status", ReferralStatus.class)),
            Map.entry("referral_event", Map.of("from_status", ReferralStatus.class, "to_status", ReferralStatus.class)),
            Map.entry("health_assessment", Map.of("assessment_type", AssessmentType.class)),
            Map.entry("fitness_decision", Map.of("decision", Fitness.class, "escort_required", EscortLevel.class)),
            Map.entry("medical_referral", Map.of("status", TreatmentReferralStatus.class)),
            Map.entry("consent", Map.of("method", ConsentMethod.class, "purpose", ConsentPurpose.class)),
            Map.entry("user_role", Map.of("role", Role.class)));

    /** Columns whose value is encrypted for medical officers: never shown as text. */
    private static final Set<String> SEALED = Set.of("details_sealed", "conditions_sealed", "content");

    private final Messages messages;

    /** The enumeration columns, for the completeness test. */
    static Map<String, Map<String, Class<? extends Enum<?>>>> enumColumns() {
        return ENUMS;
    }

    public SyncLabels(Messages messages) {
        this.messages = messages;
    }

    /** The kind of record a synced table holds ("personal details"); the table name if unknown. */
    public String record(String table) {
        return messages.has(RECORD + table) ? messages.get(RECORD + table) : table.replace('_', ' ');
    }

    /** What a column is called ("place of birth"); the column name if unknown (a newer schema's). */
    public String field(String column) {
        return messages.has(FIELD + column) ? messages.get(FIELD + column) : column.replace('_', ' ');
    }

    /** A conflicting value as the rest of the application shows it, isolated inside Arabic text. */
    public String value(String table, String column, String text) {
        return isolate(plain(table, column, text));
    }

    /** A conflicting value as shown, without isolates. */
    String plain(String table, String column, String text) {
        if (text == null || text.isEmpty()) {
            return messages.get("sync.value.empty");
        }
        if (SEALED.contains(column)) {
            return messages.get("sync.value.sealed");
        }
        if ("true".equals(text) || "false".equals(text)) {
            return messages.get("true".equals(text) ? "sync.value.yes" : "sync.value.no");
        }
        Class<? extends Enum<?>> type = ENUMS.getOrDefault(table, Map.of()).get(column);
        if (type != null) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return messages.label(constant);
                }
            }
            return text;
        }
        if (text.length() > 16 && text.charAt(10) == 'T' && text.endsWith("Z")) {
            try {
                return when(Instant.parse(text));
            } catch (DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return text;
    }

    /** An instant to the minute, in UTC (the same on every machine whatever its time zone). */
    static String when(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(at);
    }

    /**
     * Text from the data (a name, a machine, a value) to put inside a sentence: in a right-to-left
     * language, between first-strong isolate and pop directional isolate, so that it is laid out on
     * its own and the punctuation around it follows the sentence.
     */
    public String isolate(String text) {
        return messages.rightToLeft() && text != null && !text.isEmpty() ? FSI + text + PDI : text;
    }

    /** The text with its isolate marks removed (what a screen reader or a plain label gets). */
    public static String withoutIsolates(String text) {
        return text == null ? null : text.replace(String.valueOf(FSI), "").replace(String.valueOf(PDI), "");
    }

    /** Whether the first strong letter of {@code text} is left-to-right (or there is none), as U+2068 decides. */
    static boolean leftToRight(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** How a conflict is named: whose record (when it is about a person), which kind, which field. */
    public String title(ConflictService.Conflict c) {
        String field = field(c.column());
        String record = record(c.table());
        return c.person().map(name -> messages.get("sync.ui.conflicts.titlePerson", isolate(name), field, record))
                .orElseGet(() -> messages.get("sync.ui.conflicts.title", record, field, isolate(shortId(c.rowId()))));
    }

    /**
     * The last eight characters of a record id (the random end of a UUIDv7; its start is a time
     * shared by records made together): enough to tell two records apart on one screen.
     */
    static String shortId(String id) {
        return id.length() <= 8 ? id : "…" + id.substring(id.length() - 8);
    }
}

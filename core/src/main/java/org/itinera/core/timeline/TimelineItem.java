package org.itinera.core.timeline;

import java.time.LocalDate;
import java.util.Optional;
import org.itinera.core.i18n.UserMessage;

/**
 * One thing that happened to a person: when, what kind, which person and case, and a sentence
 * (key and arguments) saying what. {@code at} is the precise moment when one is known (ISO text),
 * otherwise the day; items sort by it.
 */
public record TimelineItem(LocalDate date, String at, TimelineKind kind, String personId, Optional<String> caseId,
                           String recordId, UserMessage summary) {
}

package org.itinera.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itinera.schema.jooq.Tables.FOLLOW_UP;
import static org.itinera.schema.jooq.Tables.REFERRAL;
import static org.itinera.schema.jooq.Tables.REFERRAL_EVENT;

import java.nio.file.Path;
import org.itinera.core.task.ProgressSink;
import org.itinera.core.testing.MutableClock;
import org.itinera.core.testing.TestInstallations;
import org.itinera.core.workspace.Workspace;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo referrals carry the history that led to their status; demo scores are on the 0–10 scale. */
class DemoAssistanceTest {
    @TempDir
    Path dir;

    @Test
    void everyDemoReferralEndsItsHistoryAtItsStatusAndScoresStayWithinTen() {
        try (Workspace ws = TestInstallations.firstRun(dir, MutableClock.at("2026-11-23T10:00:00Z"))) {
            ws.demoData(4).generate(ws.actor(), 400, ProgressSink.NONE);
            int referrals = ws.store().read(dsl -> dsl.fetchCount(REFERRAL));
            assertThat(referrals).isPositive();
            int mismatched = ws.store().read(dsl -> dsl.fetchCount(dsl.selectFrom(REFERRAL).whereNotExists(
                    dsl.selectOne().from(REFERRAL_EVENT).where(REFERRAL_EVENT.REFERRAL_ID.eq(REFERRAL.ID)
                            .and(REFERRAL_EVENT.TO_STATUS.eq(REFERRAL.STATUS))))));
            assertThat(mismatched).isZero();
            int sent = ws.store().read(dsl -> dsl.fetchCount(REFERRAL_EVENT, REFERRAL_EVENT.TO_STATUS.eq("SENT")));
            assertThat(sent).isEqualTo(referrals);
            Integer maxScore = ws.store().read(dsl -> dsl.select(DSL.max(FOLLOW_UP.SUSTAINABILITY_SCORE)).from(FOLLOW_UP)
                    .fetchOne(0, Integer.class));
            assertThat(maxScore).isNotNull().isLessThanOrEqualTo(10);
        }
    }
}

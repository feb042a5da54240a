package org.itinera.core.access.matrix;

import static org.itinera.core.access.matrix.Operation.home;
import static org.itinera.schema.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.CaseDraft;
import org.itinera.core.casefile.CaseType;
import org.itinera.core.protection.BestInterestStepType;
import org.itinera.core.protection.RiskLevel;
import org.itinera.core.protection.ScreeningDraft;
import org.itinera.core.protection.Vulnerability;

/** Protection: screenings, best-interest steps, restricted cases and who they are shared with (issue 6). */
final class ProtectionOperations {
    private ProtectionOperations() {
    }

    /** A fresh, unrestricted protection case of the home person. */
    static String newCase(MatrixFixture f) {
        String caseNo = f.ws.cases().open(f.system, new CaseDraft(CaseType.PROTECTION, f.homePerson, null, f.homeOffice,
                null, null));
        return f.ws.store().read(dsl -> dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo))
                .fetchOne(CASE_FILE.ID));
    }

    static final List<Operation> LIST = List.of(
            home("ProtectionService.screen", Permission.PROTECTION_WRITE,
                    (f, a) -> f.ws.protection().screen(a, new ScreeningDraft(f.homePerson, null, LocalDate.of(2026, 11, 20),
                            Set.of(Vulnerability.SINGLE_PARENT), null, RiskLevel.LOW, null, null, false))),
            home("ProtectionService.screenings", Permission.PROTECTION_READ,
                    (f, a) -> f.ws.protection().screenings(a, f.homePerson)),
            home("ProtectionService.recordBestInterestStep", Permission.PROTECTION_WRITE,
                    (f, a) -> f.ws.protection().recordBestInterestStep(a, f.homePerson, null, BestInterestStepType.ASSESSMENT,
                            LocalDate.of(2026, 11, 20), "lives with an aunt")),
            home("ProtectionService.bestInterestSteps", Permission.PROTECTION_READ,
                    (f, a) -> f.ws.protection().bestInterestSteps(a, f.homePerson)),
            home("ProtectionService.restrict", Permission.PROTECTION_WRITE, (f, a) -> {
                f.ws.protection().restrict(a, newCase(f), true);
                return null;
            }),
            home("ProtectionService.share", Permission.PROTECTION_WRITE, (f, a) -> {
                f.ws.protection().share(a, newCase(f), a.userId());
                return null;
            }),
            home("ProtectionService.unshare", Permission.PROTECTION_WRITE, (f, a) -> {
                f.ws.protection().unshare(a, newCase(f), a.userId());
                return null;
            }),
            home("ProtectionService.sharedWith", Permission.PROTECTION_READ,
                    (f, a) -> f.ws.protection().sharedWith(a, newCase(f))));
}

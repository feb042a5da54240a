package org.itinera.core.demo;

import static org.itinera.schema.jooq.Tables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.itinera.core.casefile.CaseService;
import org.itinera.core.organisation.Office;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.*;

/** Writes the rows of one demo group through a bulk write transaction. */
final class DemoRows {
    private static final String[] MOVEMENT_STATUS = {"REQUESTED", "ELIGIBILITY_CHECKED", "DOCUMENTS_READY", "BOOKED",
        "FIT_TO_TRAVEL", "ON_MANIFEST", "DEPARTED", "IN_TRANSIT", "ARRIVED", "NO_SHOW", "CANCELLED"};
    private static final int[] MOVEMENT_WEIGHT = {8, 6, 6, 5, 4, 3, 3, 1, 55, 3, 6};
    private static final String[] RESETTLEMENT_COUNTRIES = {"CAN", "USA", "FRA", "DEU", "SWE", "NOR", "NLD"};

    private final WriteTx tx;
    private final List<Office> offices;
    private final String userId;
    private final List<String> partnerIds = new ArrayList<>();
    private DemoDepartures departures;
    /** Its own stream, so adding data-sharing consents left every other generated value as it was. */
    private final SplittableRandom sharing = new SplittableRandom(0x5EEDC0DEL);

    record PersonRow(String id, NamePools.Name given, NamePools.Name family, boolean male, LocalDate birth,
                     String precision, String nationality, NamePools.Group group, Office office) {
    }

    record CaseRow(String id, String type, String status, LocalDate openedOn, String officeId, String householdId,
                   String destination, int[] movementCount) {
        int movements() {
            return movementCount[0];
        }
    }

    DemoRows(WriteTx tx, List<Office> offices, String userId) {
        this.tx = tx;
        this.offices = offices;
        this.userId = userId;
    }

    /** Bookings and manifests for travellers on their way (see {@link DemoDepartures}). */
    DemoRows withDepartures(DemoDepartures d) {
        this.departures = d;
        return this;
    }

    Office office(SplittableRandom rnd) {
        return offices.get(rnd.nextInt(offices.size()));
    }

    void partners(SplittableRandom rnd) {
        String[][] partners = {
            {"Croix-Rouge sénégalaise", "SEN", "NGO", "Reception, first aid"},
            {"Caritas Mali", "MLI", "NGO", "Shelter, food"},
            {"Hôpital national de Niamey", "NER", "HEALTH", "Medical care"},
            {"ANPE Guinée", "GIN", "GOVERNMENT", "Employment, training"},
            {"Centre d'écoute Abidjan", "CIV", "NGO", "Psychosocial support"},
            {"Libyan Red Crescent", "LBY", "NGO", "Reception, search"},
            {"Microfinance du Sahel", "MLI", "PRIVATE", "Business start-up grants"},
            {"Ministère de la Femme", "SEN", "GOVERNMENT", "Protection of women and children"},
            {"UNICEF Niger", "NER", "UN_AGENCY", "Child protection"},
            {"Gambia Youth Skills Centre", "GMB", "NGO", "Vocational training"},
        };
        for (String[] p : partners) {
            PartnerRecord r = tx.newRecord(PARTNER);
            r.setId(tx.ids().next());
            r.setName(p[0]);
            r.setCountry(p[1]);
            r.setPartnerType(p[2]);
            r.setServices(p[3]);
            tx.insert(r);
            partnerIds.add(r.getId());
        }
    }

    PersonRow person(SplittableRandom rnd, NamePools.Name given, NamePools.Name family, boolean male, int age,
                     LocalDate today, String nationality, NamePools.Group group, Office office) {
        PersonRecord r = tx.newRecord(PERSON);
        String id = tx.ids().next();
        r.setId(id);
        r.setGivenName(spelling(rnd, given));
        r.setFamilyName(spelling(rnd, family));
        if (rnd.nextInt(100) < 8) {
            r.setMiddleName(family.usual().equals(given.usual()) ? null : given.latin().getLast());
        }
        int origChance = switch (group) {
            case ARAB -> 90;
            case HORN -> 80;
            case SAHEL -> 15;
            case COAST -> 0;
        };
        if (!given.original().isEmpty() && !family.original().isEmpty() && rnd.nextInt(100) < origChance) {
            r.setGivenNameOrig(given.original());
            r.setFamilyNameOrig(family.original());
            r.setOrigScript(group == NamePools.Group.HORN ? "Ethi" : "Arab");
        }
        r.setSex(male ? "M" : "F");
        int year = today.getYear() - age;
        int p = rnd.nextInt(100);
        String precision = p < 40 ? "YEAR" : p < 45 ? "MONTH" : "DAY";
        LocalDate birth = switch (precision) {
            case "YEAR" -> LocalDate.of(year, 1, 1);
            case "MONTH" -> LocalDate.of(year, 1 + rnd.nextInt(12), 1);
            default -> LocalDate.ofYearDay(year, 1 + rnd.nextInt(365));
        };
        if (birth.isAfter(today)) {
            birth = today.minusDays(1 + rnd.nextInt(300));
            precision = "DAY";
        }
        r.setBirthDate(birth.toString());
        r.setBirthPrecision(precision);
        r.setBirthEstimated("YEAR".equals(precision) && rnd.nextBoolean());
        r.setNationality(nationality);
        r.setPrimaryLanguage(language(group, rnd));
        if (age >= 16 && rnd.nextInt(100) < 60) {
            r.setPhone(phone(rnd, nationality));
        }
        r.setOfficeId(office.id());
        tx.insert(r);
        if (rnd.nextInt(100) < 60) {
            document(rnd, id, nationality, today);
        }
        return new PersonRow(id, given, family, male, birth, precision, nationality, group, office);
    }

    void nearDuplicate(SplittableRandom rnd, PersonRow original) {
        PersonRecord r = tx.newRecord(PERSON);
        r.setId(tx.ids().next());
        NamePools.Name given = original.given();
        NamePools.Name family = original.family();
        // another spelling of at least one name, as a different officer would have typed it
        r.setGivenName(given.latin().size() > 1 ? given.latin().get(1 + rnd.nextInt(given.latin().size() - 1)) : given.usual());
        r.setFamilyName(rnd.nextBoolean() || family.latin().size() == 1 ? family.usual()
                : family.latin().get(1 + rnd.nextInt(family.latin().size() - 1)));
        if (rnd.nextInt(100) < 30 && !given.original().isEmpty() && !family.original().isEmpty()) {
            r.setGivenNameOrig(given.original());
            r.setFamilyNameOrig(family.original());
            r.setOrigScript(original.group() == NamePools.Group.HORN ? "Ethi" : "Arab");
        }
        r.setSex(original.male() ? "M" : "F");
        boolean yearOnly = rnd.nextBoolean();
        r.setBirthDate(yearOnly ? LocalDate.of(original.birth().getYear(), 1, 1).toString() : original.birth().toString());
        r.setBirthPrecision(yearOnly ? "YEAR" : original.precision());
        r.setBirthEstimated(yearOnly);
        r.setNationality(original.nationality());
        r.setOfficeId(office(rnd).id());
        tx.insert(r);
    }

    private void document(SplittableRandom rnd, String personId, String nationality, LocalDate today) {
        PersonDocumentRecord d = tx.newRecord(PERSON_DOCUMENT);
        d.setId(tx.ids().next());
        d.setPersonId(personId);
        int t = rnd.nextInt(100);
        d.setDocType(t < 50 ? "PASSPORT" : t < 80 ? "NATIONAL_ID" : "LAISSEZ_PASSER");
        d.setNumber(String.valueOf((char) ('A' + rnd.nextInt(26))) + (char) ('A' + rnd.nextInt(26))
                + String.format(Locale.ROOT, "%07d", rnd.nextInt(10_000_000)));
        d.setIssuingCountry(nationality);
        LocalDate issued = today.minusDays(30 + rnd.nextInt(3000));
        d.setIssuedOn(issued.toString());
        d.setExpiresOn(issued.plusYears("LAISSEZ_PASSER".equals(d.getDocType()) ? 1 : 5).toString());
        d.setVerified(rnd.nextInt(100) < 70);
        tx.insert(d);
    }

    String household(SplittableRandom rnd, List<PersonRow> people, Office office) {
        HouseholdRecord h = tx.newRecord(HOUSEHOLD);
        String id = tx.ids().next();
        h.setId(id);
        h.setReference("HH-" + office.code() + "-" + String.format(Locale.ROOT, "%06d", rnd.nextInt(1_000_000)));
        h.setOfficeId(office.id());
        h.setHeadPersonId(people.getFirst().id());
        tx.insert(h);
        for (int i = 0; i < people.size(); i++) {
            HouseholdMemberRecord m = tx.newRecord(HOUSEHOLD_MEMBER);
            m.setId(tx.ids().next());
            m.setHouseholdId(id);
            m.setPersonId(people.get(i).id());
            m.setRelationship(i == 0 ? "HEAD" : i == 1 && people.size() > 2 ? "SPOUSE" : "CHILD");
            tx.insert(m);
        }
        return id;
    }

    CaseRow caseFile(SplittableRandom rnd, PersonRow head, String householdId, Office office, LocalDate today,
                     NamePools.Group group) {
        int t = rnd.nextInt(100);
        String type = group == NamePools.Group.HORN
                ? (t < 50 ? "RESETTLEMENT" : t < 75 ? "PROTECTION" : "AVRR")
                : (t < 70 ? "AVRR" : t < 85 ? "PROTECTION" : t < 95 ? "REPATRIATION" : "RESETTLEMENT");
        int s = rnd.nextInt(100);
        String status = s < 15 ? "OPEN" : s < 60 ? "IN_PROGRESS" : s < 65 ? "ON_HOLD" : "CLOSED";
        LocalDate opened = today.minusDays(rnd.nextInt(900));
        String destination = "RESETTLEMENT".equals(type)
                ? RESETTLEMENT_COUNTRIES[rnd.nextInt(RESETTLEMENT_COUNTRIES.length)] : head.nationality();
        CaseFileRecord c = tx.newRecord(CASE_FILE);
        String id = tx.ids().next();
        c.setId(id);
        c.setCaseNo(CaseService.caseNumber(office.code(), opened.getYear(), id));
        c.setCaseType(type);
        c.setStatus(status);
        c.setPersonId(head.id());
        c.setHouseholdId(householdId);
        c.setOfficeId(office.id());
        c.setOwnerUserId(userId);
        c.setOpenedOn(opened.toString());
        if ("CLOSED".equals(status)) {
            c.setClosedOn(min(opened.plusDays(30 + rnd.nextInt(400)), today).toString());
        }
        c.setDestinationCountry(destination);
        tx.insert(c);
        consent(rnd, head.id(), "ASSISTANCE", opened);
        dataSharing(head.id(), opened, today);
        return new CaseRow(id, type, status, opened, office.id(), householdId, destination, new int[1]);
    }

    /** What happened in the case: screening, movement, medical check, reintegration. */
    void lifecycle(SplittableRandom rnd, CaseRow c, List<PersonRow> people, LocalDate today) {
        if (rnd.nextInt(100) < 20 || "PROTECTION".equals(c.type())) {
            screening(rnd, c, people.getFirst());
        }
        if ("PROTECTION".equals(c.type()) || rnd.nextInt(100) >= 60) {
            return;
        }
        String status = weighted(rnd, MOVEMENT_STATUS, MOVEMENT_WEIGHT);
        int stage = indexOf(status);
        LocalDate requested = c.openedOn().plusDays(rnd.nextInt(20));
        if (stage >= indexOf("DOCUMENTS_READY") && stage != indexOf("CANCELLED")) {
            consent(rnd, people.getFirst().id(), "TRAVEL", requested);
            consent(rnd, people.getFirst().id(), "VOLUNTARY_MOVEMENT_DECLARATION", requested);
        }
        List<String> movementIds = new ArrayList<>();
        for (PersonRow p : people) {
            MovementRecord m = tx.newRecord(MOVEMENT);
            m.setId(tx.ids().next());
            m.setCaseId(c.id());
            m.setPersonId(p.id());
            m.setHouseholdId(c.householdId());
            m.setMovementType(switch (c.type()) {
                case "REPATRIATION" -> "REPATRIATION";
                case "RESETTLEMENT" -> "RESETTLEMENT";
                default -> "VOLUNTARY_RETURN";
            });
            m.setStatus(status);
            if ("CANCELLED".equals(status)) {
                m.setStatusReason(rnd.nextBoolean() ? "Changed mind" : "Travel document refused");
            } else if ("NO_SHOW".equals(status)) {
                m.setStatusReason("Did not come to the airport");
            }
            m.setRequestedOn(requested.toString());
            m.setOriginCountry(p.office().country());
            m.setDestinationCountry(c.destination());
            m.setFitnessRequired(true);
            m.setOfficeId(c.officeId());
            tx.insert(m);
            movementIds.add(m.getId());
            c.movementCount()[0]++;
            if (stage >= indexOf("FIT_TO_TRAVEL") && stage != indexOf("CANCELLED")) {
                fitness(rnd, p, requested.plusDays(5 + rnd.nextInt(20)), stage >= indexOf("ON_MANIFEST"));
            }
        }
        if (departures != null) {
            departures.plan(people.getFirst().office(), c.destination(), people, movementIds, status);
        }
        if ("ARRIVED".equals(status) && "AVRR".equals(c.type()) && rnd.nextInt(100) < 45) {
            reintegration(rnd, c, people.getFirst(), requested.plusDays(30 + rnd.nextInt(60)), today);
        }
    }

    private void screening(SplittableRandom rnd, CaseRow c, PersonRow p) {
        VulnerabilityScreeningRecord v = tx.newRecord(VULNERABILITY_SCREENING);
        v.setId(tx.ids().next());
        v.setPersonId(p.id());
        v.setCaseId(c.id());
        v.setScreenedOn(c.openedOn().toString());
        v.setScreenedBy(userId);
        boolean minor = p.birth().isAfter(c.openedOn().minusYears(18));
        v.setUnaccompaniedChild(minor && rnd.nextInt(100) < 40);
        v.setSeparatedChild(minor && rnd.nextInt(100) < 20);
        v.setTraffickingVictim(rnd.nextInt(100) < 8);
        v.setMedicalCondition(rnd.nextInt(100) < 12);
        v.setDisability(rnd.nextInt(100) < 5);
        v.setElderly(p.birth().isBefore(c.openedOn().minusYears(60)));
        v.setSingleParent(rnd.nextInt(100) < 7);
        v.setGbvSurvivor(!p.male() && rnd.nextInt(100) < 10);
        v.setPregnant(!p.male() && !minor && rnd.nextInt(100) < 6);
        boolean serious = v.getUnaccompaniedChild() || v.getTraffickingVictim() || v.getGbvSurvivor();
        v.setRiskLevel(serious ? (rnd.nextBoolean() ? "HIGH" : "CRITICAL") : rnd.nextBoolean() ? "LOW" : "MEDIUM");
        v.setRestricted(v.getTraffickingVictim() || v.getUnaccompaniedChild());
        tx.insert(v);
    }

    private void consent(SplittableRandom rnd, String personId, String purpose, LocalDate on) {
        ConsentRecord c = tx.newRecord(CONSENT);
        c.setId(tx.ids().next());
        c.setPersonId(personId);
        c.setPurpose(purpose);
        c.setGivenOn(on.toString());
        int m = rnd.nextInt(100);
        c.setMethod(m < 70 ? "SIGNED" : m < 97 ? "SPOKEN" : "PROXY");
        if ("PROXY".equals(c.getMethod())) {
            c.setProxyName("Guardian");
            c.setProxyRelationship("Legal guardian");
        }
        c.setRecordedBy(userId);
        c.setExpiresOn(on.plusYears(2).toString());
        tx.insert(c);
    }

    /** About a third agree to share their data with one partner; some of them later withdraw. */
    private void dataSharing(String personId, LocalDate on, LocalDate today) {
        if (partnerIds.isEmpty() || sharing.nextInt(100) >= 35) {
            return;
        }
        ConsentRecord c = tx.newRecord(CONSENT);
        c.setId(tx.ids().next());
        c.setPersonId(personId);
        c.setPurpose("DATA_SHARING");
        c.setPartnerId(partnerIds.get(sharing.nextInt(partnerIds.size())));
        c.setGivenOn(on.toString());
        c.setMethod(sharing.nextInt(100) < 75 ? "SIGNED" : "SPOKEN");
        c.setRecordedBy(userId);
        c.setExpiresOn(on.plusYears(2).toString());
        if (sharing.nextInt(100) < 15) {
            LocalDate withdrawn = min(on.plusDays(10 + sharing.nextInt(300)), today);
            c.setWithdrawnOn(withdrawn.toString());
            c.setWithdrawnBy(userId);
            c.setWithdrawalNote("Asked to stop sharing");
        }
        tx.insert(c);
    }

    private void fitness(SplittableRandom rnd, PersonRow p, LocalDate on, boolean mustBeFit) {
        int d = rnd.nextInt(100);
        String decision = d < 85 || mustBeFit && d >= 95 ? "FIT" : d < 95 ? "FIT_WITH_ESCORT" : "UNFIT";
        String escort = "FIT_WITH_ESCORT".equals(decision) ? (rnd.nextBoolean() ? "NURSE" : "DOCTOR") : "NONE";
        fitnessCheck(tx, p.id(), on, decision, escort, on.plusDays(3), userId);
    }

    /** A pre-departure health assessment and its fitness decision (decision and validity only). */
    static void fitnessCheck(WriteTx tx, String personId, LocalDate on, String decision, String escort, LocalDate validUntil,
                             String userId) {
        HealthAssessmentRecord a = tx.newRecord(HEALTH_ASSESSMENT);
        a.setId(tx.ids().next());
        a.setPersonId(personId);
        a.setAssessmentType("PRE_DEPARTURE");
        a.setAssessedOn(on.toString());
        a.setClinicianId(userId);
        tx.insert(a);
        FitnessDecisionRecord f = tx.newRecord(FITNESS_DECISION);
        f.setId(tx.ids().next());
        f.setPersonId(personId);
        f.setAssessmentId(a.getId());
        f.setDecision(decision);
        f.setEscortRequired(escort);
        f.setValidFrom(on.toString());
        f.setValidUntil(validUntil.toString());
        f.setDecidedBy(userId);
        f.setDecidedAt(on.atTime(10, 0).toString());
        tx.insert(f);
    }

    private void reintegration(SplittableRandom rnd, CaseRow c, PersonRow head, LocalDate drafted, LocalDate today) {
        if (drafted.isAfter(today)) {
            return;
        }
        String currency = currency(head.nationality());
        AssistancePlanRecord plan = tx.newRecord(ASSISTANCE_PLAN);
        plan.setId(tx.ids().next());
        plan.setCaseId(c.id());
        plan.setStatus(rnd.nextBoolean() ? "IN_PROGRESS" : "COMPLETED");
        plan.setDraftedOn(drafted.toString());
        plan.setApprovedOn(drafted.plusDays(7).toString());
        plan.setCurrency(currency);
        tx.insert(plan);
        String[][] components = {
            {"ECONOMIC", "Small business start-up (market stall)"}, {"ECONOMIC", "Vocational training: tailoring"},
            {"SOCIAL", "School fees for children"}, {"SOCIAL", "Housing support, three months' rent"},
            {"PSYCHOSOCIAL", "Individual counselling sessions"}, {"PSYCHOSOCIAL", "Community support group"},
        };
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            String[] comp = components[rnd.nextInt(components.length)];
            PlanComponentRecord pc = tx.newRecord(PLAN_COMPONENT);
            pc.setId(tx.ids().next());
            pc.setPlanId(plan.getId());
            pc.setCategory(comp[0]);
            pc.setDescription(comp[1]);
            long budget = (200 + rnd.nextInt(1300)) * 100L * ("XOF".equals(currency) || "GNF".equals(currency) ? 600 : 1);
            pc.setBudgetMinor(budget);
            pc.setCurrency(currency);
            tx.insert(pc);
            if (rnd.nextInt(100) < 60) {
                AssistanceDeliveryRecord d = tx.newRecord(ASSISTANCE_DELIVERY);
                d.setId(tx.ids().next());
                d.setPlanId(plan.getId());
                d.setComponentId(pc.getId());
                d.setDeliveredOn(min(drafted.plusDays(14 + rnd.nextInt(60)), today).toString());
                d.setModality("ECONOMIC".equals(comp[0]) ? (rnd.nextBoolean() ? "CASH" : "IN_KIND") : "SERVICE");
                d.setDescription(comp[1]);
                d.setAmountMinor(budget / (1 + rnd.nextInt(2)));
                d.setCurrency(currency);
                d.setDeliveredBy(userId);
                tx.insert(d);
            }
        }
        if (rnd.nextInt(100) < 30 && !partnerIds.isEmpty()) {
            ReferralRecord r = tx.newRecord(REFERRAL);
            r.setId(tx.ids().next());
            r.setCaseId(c.id());
            r.setPersonId(head.id());
            r.setPartnerId(partnerIds.get(rnd.nextInt(partnerIds.size())));
            r.setService(rnd.nextBoolean() ? "Psychosocial support" : "Vocational training");
            String[] st = {"SENT", "ACCEPTED", "SERVICE_DELIVERED", "CLOSED", "REFUSED"};
            r.setStatus(st[rnd.nextInt(st.length)]);
            r.setSentOn(drafted.plusDays(3).toString());
            r.setStatusOn(min(drafted.plusDays(20), today).toString());
            tx.insert(r);
            referralHistory(r);
        }
        if (rnd.nextInt(100) < 50) {
            FollowUpRecord f = tx.newRecord(FOLLOW_UP);
            f.setId(tx.ids().next());
            f.setCaseId(c.id());
            f.setVisitOn(min(drafted.plusDays(90 + rnd.nextInt(90)), today).toString());
            f.setVisitType(rnd.nextBoolean() ? "HOME" : "PHONE");
            f.setSustainabilityScore((20 + rnd.nextInt(80)) / 10); // 2–9 on the 0–10 scale, same random draw
            f.setVisitedBy(userId);
            tx.insert(f);
        }
    }

    /** The steps that led a demo referral to its status (no random draw: other demo data stay the same). */
    private void referralHistory(ReferralRecord r) {
        List<String> path = switch (r.getStatus()) {
            case "SENT" -> List.of("SENT");
            case "ACCEPTED" -> List.of("SENT", "ACCEPTED");
            case "SERVICE_DELIVERED" -> List.of("SENT", "ACCEPTED", "SERVICE_DELIVERED");
            case "CLOSED" -> List.of("SENT", "ACCEPTED", "SERVICE_DELIVERED", "CLOSED");
            default -> List.of("SENT", "REFUSED");
        };
        for (int i = 0; i < path.size(); i++) {
            ReferralEventRecord e = tx.newRecord(REFERRAL_EVENT);
            e.setId(tx.ids().next());
            e.setReferralId(r.getId());
            e.setFromStatus(i == 0 ? null : path.get(i - 1));
            e.setToStatus(path.get(i));
            e.setOccurredOn(i == 0 ? r.getSentOn() : r.getStatusOn());
            e.setFeedback("REFUSED".equals(path.get(i)) ? "No places left this season" : null);
            e.setUserId(userId);
            tx.insert(e);
        }
    }

    private static String spelling(SplittableRandom rnd, NamePools.Name n) {
        return rnd.nextInt(100) < 75 || n.latin().size() == 1 ? n.usual() : n.latin().get(rnd.nextInt(n.latin().size()));
    }

    private static String language(NamePools.Group g, SplittableRandom rnd) {
        String[] l = switch (g) {
            case SAHEL -> new String[] {"ful", "wol", "bam", "hau", "fra"};
            case COAST -> new String[] {"eng", "fra", "yor", "ibo", "twi"};
            case ARAB -> new String[] {"ara", "ara", "fra"};
            case HORN -> new String[] {"tir", "amh"};
        };
        return l[rnd.nextInt(l.length)];
    }

    private static String phone(SplittableRandom rnd, String nationality) {
        String cc = switch (nationality) {
            case "SEN" -> "+221";
            case "MLI" -> "+223";
            case "GIN" -> "+224";
            case "NER" -> "+227";
            case "NGA" -> "+234";
            case "CIV" -> "+225";
            case "LBY" -> "+218";
            case "SDN" -> "+249";
            default -> "+233";
        };
        return cc + " " + (70 + rnd.nextInt(29)) + " " + String.format(Locale.ROOT, "%03d %02d %02d",
                rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(100));
    }

    private static String currency(String nationality) {
        return switch (nationality) {
            case "SEN", "MLI", "NER", "BFA", "CIV", "TGO", "BEN" -> "XOF";
            case "CMR", "TCD" -> "XAF";
            case "GIN" -> "GNF";
            case "NGA" -> "NGN";
            case "GHA" -> "GHS";
            case "GMB" -> "GMD";
            default -> "USD";
        };
    }

    private static int indexOf(String status) {
        for (int i = 0; i < MOVEMENT_STATUS.length; i++) {
            if (MOVEMENT_STATUS[i].equals(status)) {
                return i;
            }
        }
        throw new IllegalArgumentException(status);
    }

    private static String weighted(SplittableRandom rnd, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

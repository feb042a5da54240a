package org.itinera.core.demo;

import static org.itinera.schema.jooq.Tables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.itinera.core.movement.ManifestService;
import org.itinera.core.organisation.Office;
import org.itinera.core.reference.Airport;
import org.itinera.core.reference.ReferenceData;
import org.itinera.core.store.WriteTx;
import org.itinera.schema.jooq.tables.records.*;

/**
 * Bookings, legs and manifests for the demo's travellers who are booked, fit to travel, on a
 * manifest or on their way: departures from the mission's offices (Dakar, Bamako, Niamey, Agadez by
 * bus, Tripoli charters…) to the travellers' home countries, clustered on a few scheduled flights
 * per route so the movement board shows realistic loads and a few realistic blockers (missing
 * documents, pending pre-departure checks, expired consent). Has its own random stream, so the
 * persons the generator makes are the same with or without it.
 */
final class DemoDepartures {
    private static final Map<String, String> OFFICE_AIRPORT = Map.of("DKR", "DSS", "BKO", "BKO", "NIM", "NIM",
            "AGA", "AJY", "CKY", "CKY", "ABJ", "ABJ", "TIP", "MJI");
    private static final Map<String, String> HOME_AIRPORT = Map.ofEntries(
            Map.entry("SEN", "DSS"), Map.entry("MLI", "BKO"), Map.entry("GIN", "CKY"), Map.entry("GMB", "BJL"),
            Map.entry("NER", "NIM"), Map.entry("BFA", "OUA"), Map.entry("CIV", "ABJ"), Map.entry("MRT", "NKC"),
            Map.entry("NGA", "LOS"), Map.entry("GHA", "ACC"), Map.entry("CMR", "DLA"), Map.entry("LBR", "ROB"),
            Map.entry("SLE", "FNA"), Map.entry("COD", "FIH"), Map.entry("TGO", "LFW"), Map.entry("BEN", "COO"),
            Map.entry("SDN", "KRT"), Map.entry("TCD", "NDJ"), Map.entry("LBY", "MJI"), Map.entry("MAR", "CMN"),
            Map.entry("DZA", "ALG"), Map.entry("TUN", "TUN"), Map.entry("EGY", "CAI"), Map.entry("ERI", "ASM"),
            Map.entry("ETH", "ADD"), Map.entry("CAN", "YUL"), Map.entry("USA", "JFK"), Map.entry("FRA", "CDG"),
            Map.entry("DEU", "FRA"), Map.entry("SWE", "ARN"), Map.entry("NOR", "OSL"), Map.entry("NLD", "AMS"));
    private static final Map<String, String> CARRIER = Map.of("DSS", "HC", "BKO", "HF", "NIM", "KP", "CKY", "HF",
            "ABJ", "HF", "MJI", "UZ");
    private static final String[] ESCORTS = {"Amadou Sy", "Khadija Mansour", "Jean-Baptiste Koné", "Mariam Touré",
        "Ousmane Ndiaye", "Salma Ben Youssef"};

    private final WriteTx tx;
    private final ReferenceData reference;
    private final SplittableRandom rnd;
    private final LocalDate today;
    private final String userId;
    private final Map<String, String> manifests = new HashMap<>();

    DemoDepartures(WriteTx tx, ReferenceData reference, long seed, LocalDate today, String userId) {
        this.tx = tx;
        this.reference = reference;
        this.rnd = new SplittableRandom(seed ^ 0x6D6F76656D656E74L);
        this.today = today;
        this.userId = userId;
    }

    /** A leg as planned: carrier, number, airports and local times. */
    private record Leg(String carrier, String serviceNo, String from, String to, LocalDateTime departs, ZoneId fromZone,
                       LocalDateTime arrives, ZoneId toZone) {
    }

    /** Books a group whose movements are in {@code status}; returns false when no route suits them. */
    boolean plan(Office office, String destination, List<DemoRows.PersonRow> people, List<String> movementIds,
                 String status) {
        boolean upcoming = List.of("BOOKED", "FIT_TO_TRAVEL", "ON_MANIFEST").contains(status);
        boolean away = List.of("DEPARTED", "IN_TRANSIT").contains(status);
        String origin = OFFICE_AIRPORT.get(office.code());
        String home = HOME_AIRPORT.get(destination);
        if (!upcoming && !away || origin == null || home == null) {
            return false;
        }
        List<Leg> legs = route(origin, home, upcoming ? today.plusDays(rnd.nextInt(21)) : today.minusDays(1 + rnd.nextInt(3)));
        // travellers on their way left on legs that are all in the past
        for (int back = 3; away && !legs.isEmpty() && !legs.getLast().departs().toLocalDate().isBefore(today); back += 3) {
            legs = route(origin, home, today.minusDays(back + rnd.nextInt(3)));
        }
        if (legs.isEmpty()) {
            return false;
        }
        LocalDate departure = legs.getFirst().departs().toLocalDate();
        String bookingId = booking(office, legs);
        String escortName = rnd.nextInt(100) < 25 ? ESCORTS[rnd.nextInt(ESCORTS.length)] : null;
        if (escortName != null) {
            escort(bookingId, "OPERATIONAL", escortName, null);
        }
        for (int i = 0; i < people.size(); i++) {
            DemoRows.PersonRow p = people.get(i);
            boolean adult = !p.birth().isAfter(departure.minusYears(18));
            String passengerId = passenger(bookingId, movementIds.get(i), p, adult, departure);
            prepare(p, adult, i == 0, departure, status, bookingId, movementIds.get(i));
            if (!"BOOKED".equals(status) && !"FIT_TO_TRAVEL".equals(status)) {
                manifestLine(office, legs.getFirst(), movementIds.get(i), passengerId, status);
            }
        }
        return true;
    }

    /** One leg, or a bus from Agadez to Niamey and a flight on from there. */
    private List<Leg> route(String origin, String home, LocalDate earliest) {
        List<Leg> legs = new ArrayList<>();
        String from = origin;
        LocalDate day = earliest;
        if ("AJY".equals(origin)) {
            Leg bus = leg("RIMBO", "AZ" + (1 + schedule("AJYNIM") % 3), "AJY", "NIM", day, 6, Duration.ofHours(14));
            legs.add(bus);
            if ("NIM".equals(home)) {
                return legs;
            }
            from = "NIM";
            day = bus.arrives().toLocalDate().plusDays(1);
        }
        if (from.equals(home)) {
            return List.of();
        }
        String carrier = CARRIER.getOrDefault(from, "ET");
        if (List.of("YUL", "JFK", "CDG", "FRA", "ARN", "OSL", "AMS").contains(home)) {
            carrier = "ET";
        }
        int hash = schedule(from + home);
        // each route flies every third day: travellers of many cases share a departure
        while (Math.floorMod(day.toEpochDay() + hash, 3) != 0) {
            day = day.plusDays(1);
        }
        Airport a = reference.airport(from).orElseThrow();
        Airport b = reference.airport(home).orElseThrow();
        double km = 6371 * centralAngle(a.lat(), a.lon(), b.lat(), b.lon());
        legs.add(leg(carrier, Integer.toString(100 + hash % 800), from, home, day, 6 + hash % 15,
                Duration.ofMinutes(40 + Math.round(km / 12.5))));
        return legs;
    }

    private Leg leg(String carrier, String serviceNo, String from, String to, LocalDate day, int hour, Duration time) {
        ZoneId fromZone = reference.zoneOf(from).orElse(ZoneId.of("UTC"));
        ZoneId toZone = reference.zoneOf(to).orElse(ZoneId.of("UTC"));
        LocalDateTime departs = day.atTime(hour, 5 * (schedule(carrier + serviceNo) % 12));
        ZonedDateTime arrives = departs.atZone(fromZone).plus(time).withZoneSameInstant(toZone);
        return new Leg(carrier, serviceNo, from, to, departs, fromZone, arrives.toLocalDateTime(), toZone);
    }

    private static int schedule(String key) {
        return Math.floorMod(key.hashCode(), 997);
    }

    private static double centralAngle(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private String booking(Office office, List<Leg> legs) {
        BookingRecord b = tx.newRecord(BOOKING);
        b.setId(tx.ids().next());
        b.setReference(pnr());
        b.setStatus(rnd.nextInt(100) < 70 ? "TICKETED" : "CONFIRMED");
        LocalDate booked = legs.getFirst().departs().toLocalDate().minusDays(7 + rnd.nextInt(20));
        b.setBookedOn((booked.isAfter(today) ? today : booked).toString());
        b.setOfficeId(office.id());
        tx.insert(b);
        for (int i = 0; i < legs.size(); i++) {
            Leg l = legs.get(i);
            BookingSegmentRecord s = tx.newRecord(BOOKING_SEGMENT);
            s.setId(tx.ids().next());
            s.setBookingId(b.getId());
            s.setSeq(i + 1);
            s.setCarrier(l.carrier());
            s.setServiceNo(l.serviceNo());
            s.setFromPlace(l.from());
            s.setToPlace(l.to());
            s.setDepartsLocal(l.departs().toString());
            s.setDepartsZone(l.fromZone().getId());
            s.setArrivesLocal(l.arrives().toString());
            s.setArrivesZone(l.toZone().getId());
            tx.insert(s);
        }
        return b.getId();
    }

    private String passenger(String bookingId, String movementId, DemoRows.PersonRow p, boolean adult, LocalDate departure) {
        BookingPassengerRecord bp = tx.newRecord(BOOKING_PASSENGER);
        bp.setId(tx.ids().next());
        bp.setBookingId(bookingId);
        bp.setMovementId(movementId);
        bp.setBaggagePieces(adult ? 1 + rnd.nextInt(2) : rnd.nextInt(2));
        bp.setBaggageKg(bp.getBaggagePieces() * (15 + rnd.nextInt(9)));
        tx.insert(bp);
        boolean elderly = p.birth().isBefore(departure.minusYears(60));
        if (elderly && rnd.nextInt(100) < 40 || rnd.nextInt(100) < 2) {
            ssr(bp.getId(), rnd.nextInt(100) < 80 ? "WCHR" : "WCHS");
        }
        return bp.getId();
    }

    /**
     * What the pre-departure phase leaves: a laissez-passer for most, travel consent for adults (a
     * child is covered by the head of household's), and a pre-departure fitness check for those
     * who passed it (still pending for some who are only booked).
     */
    private void prepare(DemoRows.PersonRow p, boolean adult, boolean head, LocalDate departure, String status,
                         String bookingId, String movementId) {
        boolean cleared = !"BOOKED".equals(status);
        if (cleared || rnd.nextInt(100) < 92) {
            PersonDocumentRecord d = tx.newRecord(PERSON_DOCUMENT);
            d.setId(tx.ids().next());
            d.setPersonId(p.id());
            d.setDocType("LAISSEZ_PASSER");
            d.setNumber("LP" + p.nationality() + String.format(Locale.ROOT, "%06d", rnd.nextInt(1_000_000)));
            d.setIssuingCountry(p.nationality());
            d.setIssuedOn(departure.minusDays(20 + rnd.nextInt(30)).toString());
            d.setExpiresOn(departure.plusDays(60).toString());
            d.setVerified(true);
            tx.insert(d);
        }
        if (adult && (cleared || head || rnd.nextInt(100) < 90)) {
            ConsentRecord c = tx.newRecord(CONSENT);
            c.setId(tx.ids().next());
            c.setPersonId(p.id());
            c.setPurpose("TRAVEL");
            c.setGivenOn(departure.minusDays(10 + rnd.nextInt(20)).toString());
            c.setMethod(rnd.nextInt(100) < 85 ? "SIGNED" : "SPOKEN");
            c.setRecordedBy(userId);
            c.setExpiresOn(departure.plusYears(1).toString());
            tx.insert(c);
        }
        if (cleared || rnd.nextInt(100) < 55) {
            int d = rnd.nextInt(100);
            String decision = d < 93 || cleared && d >= 97 ? "FIT" : d < 97 ? "FIT_WITH_ESCORT" : "UNFIT";
            fitness(p.id(), decision, departure);
            if ("FIT_WITH_ESCORT".equals(decision) && (cleared || rnd.nextInt(100) < 60)) {
                escort(bookingId, "MEDICAL", "Dr " + ESCORTS[rnd.nextInt(ESCORTS.length)], movementId);
            }
        }
    }

    private void fitness(String personId, String decision, LocalDate departure) {
        DemoRows.fitnessCheck(tx, personId, departure.minusDays(1 + rnd.nextInt(2)), decision,
                "FIT_WITH_ESCORT".equals(decision) ? "NURSE" : "NONE", departure.plusDays(2), userId);
    }

    private void escort(String bookingId, String type, String name, String movementId) {
        EscortRecord e = tx.newRecord(ESCORT);
        e.setId(tx.ids().next());
        e.setBookingId(bookingId);
        e.setEscortType(type);
        e.setEscortName(name);
        e.setEscortedMovement(movementId);
        tx.insert(e);
    }

    private void ssr(String bookingPassengerId, String code) {
        BookingSsrRecord s = tx.newRecord(BOOKING_SSR);
        s.setId(tx.ids().next());
        s.setBookingPassengerId(bookingPassengerId);
        s.setCode(code);
        tx.insert(s);
    }

    /** One manifest per departure, made by the office of its first traveller. */
    private void manifestLine(Office office, Leg leg, String movementId, String bookingPassengerId, String status) {
        String key = leg.carrier() + leg.serviceNo() + leg.from() + leg.departs().toLocalDate();
        String manifestId = manifests.computeIfAbsent(key, k -> {
            ManifestRecord m = tx.newRecord(MANIFEST);
            m.setId(tx.ids().next());
            m.setManifestNo(ManifestService.manifestNumber(office.code(), leg.departs().toLocalDate(), m.getId()));
            m.setCarrier(leg.carrier());
            m.setServiceNo(leg.serviceNo());
            m.setFromPlace(leg.from());
            m.setToPlace(leg.to());
            m.setDepartureDate(leg.departs().toLocalDate().toString());
            m.setDepartsLocal(leg.departs().toString());
            m.setDepartsZone(leg.fromZone().getId());
            m.setCheckInLocal(leg.departs().minusHours(3).toString());
            boolean soon = leg.departs().toLocalDate().isBefore(today.plusDays(3));
            m.setStatus("ON_MANIFEST".equals(status) ? (soon ? "FINAL" : "DRAFT") : "DEPARTED");
            m.setOfficeId(office.id());
            tx.insert(m);
            return m.getId();
        });
        ManifestPassengerRecord mp = tx.newRecord(MANIFEST_PASSENGER);
        mp.setId(tx.ids().next());
        mp.setManifestId(manifestId);
        mp.setMovementId(movementId);
        mp.setBookingPassengerId(bookingPassengerId);
        mp.setStatus("ON_MANIFEST".equals(status) ? "LISTED" : "BOARDED");
        if (!"ON_MANIFEST".equals(status)) {
            mp.setCheckedAt(leg.departs().minusHours(2).atZone(leg.fromZone()).toInstant().toString());
        }
        tx.insert(mp);
    }

    private String pnr() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(letters.charAt(rnd.nextInt(letters.length())));
        }
        return sb.toString();
    }
}

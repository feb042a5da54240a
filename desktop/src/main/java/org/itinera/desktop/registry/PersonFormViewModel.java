package org.itinera.desktop.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.itinera.core.casefile.BirthDate;
import org.itinera.core.casefile.Person;
import org.itinera.core.casefile.PersonDetails;
import org.itinera.core.casefile.Sex;
import org.itinera.core.reference.Country;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.task.TaskExecutor;
import org.itinera.core.validation.FieldError;
import org.itinera.core.validation.ValidationException;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * Creating or editing a person. Field errors come from the core service (the one set of rules)
 * and appear next to their fields; what was typed stays when saving fails.
 */
public final class PersonFormViewModel {
    /** Languages most spoken by the people the missions assist (ISO 639-3), offered first. */
    public static final List<String> COMMON_LANGUAGES = List.of("ara", "fra", "eng", "ful", "wol", "bam", "hau", "yor",
            "ibo", "twi", "snk", "sus", "mos", "dyu", "son", "kri", "tir", "amh", "por");

    private final Workspace ws;
    private final TaskExecutor executor;
    private final Messages messages;
    private final String personId;
    final StringProperty givenName = new SimpleStringProperty("");
    final StringProperty familyName = new SimpleStringProperty("");
    final StringProperty middleName = new SimpleStringProperty("");
    final StringProperty givenNameOrig = new SimpleStringProperty("");
    final StringProperty familyNameOrig = new SimpleStringProperty("");
    final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(Sex.U);
    final StringProperty birthDate = new SimpleStringProperty("");
    final BooleanProperty birthEstimated = new SimpleBooleanProperty();
    final ObjectProperty<Country> nationality = new SimpleObjectProperty<>();
    final StringProperty placeOfBirth = new SimpleStringProperty("");
    final ObjectProperty<String> language = new SimpleObjectProperty<>();
    final StringProperty phone = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private String officeId;

    public PersonFormViewModel(Workspace ws, TaskExecutor executor, Messages messages, Optional<Person> existing) {
        this.ws = ws;
        this.executor = executor;
        this.messages = messages;
        this.personId = existing.map(Person::id).orElse(null);
        this.officeId = ws.currentUser().officeId();
        existing.ifPresent(p -> load(p.details()));
    }

    private void load(PersonDetails d) {
        givenName.set(d.givenName());
        familyName.set(d.familyName());
        middleName.set(nz(d.middleName()));
        givenNameOrig.set(nz(d.givenNameOrig()));
        familyNameOrig.set(nz(d.familyNameOrig()));
        sex.set(d.sex());
        birthDate.set(d.birthDate().display().replace("~", ""));
        birthEstimated.set(d.birthDate().estimated());
        nationality.set(ws.reference().country(d.nationality()).orElse(null));
        placeOfBirth.set(nz(d.placeOfBirth()));
        language.set(d.primaryLanguage());
        phone.set(nz(d.phone()));
        officeId = d.officeId();
    }

    public boolean isNew() {
        return personId == null;
    }

    /** Saves in the background; {@code onSaved} runs on success with the saved person. */
    public void save(Consumer<Person> onSaved) {
        errors.clear();
        summary.set("");
        Optional<BirthDate> birth = parseBirth();
        if (birth.isEmpty()) {
            errors.put("birthDate", messages.get("validation.birthDateFormat"));
            summary.set(messages.get("error.validation", 1));
            return;
        }
        PersonDetails d = new PersonDetails(givenName.get(), familyName.get(), middleName.get(), givenNameOrig.get(),
                familyNameOrig.get(), sex.get(), birth.get(), nationality.get() == null ? null : nationality.get().alpha3(),
                placeOfBirth.get(), language.get(), phone.get(), officeId);
        saving.set(true);
        executor.execute(BackgroundTask.<Person>of("save person", p -> {
                    if (personId == null) {
                        return ws.persons().create(ws.actor(), d);
                    }
                    Person updated = new Person(personId, d);
                    ws.persons().update(ws.actor(), updated);
                    return updated;
                })
                .onSuccess(p -> {
                    saving.set(false);
                    onSaved.accept(p);
                })
                .onFailure(e -> {
                    saving.set(false);
                    if (e instanceof ValidationException v) {
                        for (FieldError fe : v.errors()) {
                            errors.putIfAbsent(fe.field(), messages.get(fe.message()));
                        }
                    }
                    summary.set(new ErrorMessages(messages).describe(e));
                }));
    }

    /** 1990 (a year), 1990-05 (a month), 1990-05-17 or 17/05/1990 (a day); empty means unknown. */
    Optional<BirthDate> parseBirth() {
        String s = birthDate.get() == null ? "" : birthDate.get().strip();
        boolean est = birthEstimated.get();
        try {
            if (s.isEmpty()) {
                return Optional.of(BirthDate.UNKNOWN);
            }
            if (s.matches("\\d{4}")) {
                return Optional.of(BirthDate.year(Integer.parseInt(s), est));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                return Optional.of(new BirthDate(LocalDate.parse(s + "-01"), BirthDate.Precision.MONTH, est));
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(new BirthDate(LocalDate.parse(s), BirthDate.Precision.DAY, est));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return Optional.of(new BirthDate(LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]),
                        Integer.parseInt(p[0])), BirthDate.Precision.DAY, est));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty summary() {
        return summary;
    }

    public BooleanProperty saving() {
        return saving;
    }

    public StringProperty givenName() {
        return givenName;
    }

    public StringProperty familyName() {
        return familyName;
    }

    public StringProperty givenNameOrig() {
        return givenNameOrig;
    }

    public StringProperty familyNameOrig() {
        return familyNameOrig;
    }

    public StringProperty birthDate() {
        return birthDate;
    }

    public ObjectProperty<Country> nationality() {
        return nationality;
    }
}

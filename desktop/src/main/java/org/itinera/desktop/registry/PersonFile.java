package org.itinera.desktop.registry;

import org.itinera.desktop.ui.WrappedText;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.itinera.core.access.Permission;
import org.itinera.core.casefile.Person;
import org.itinera.core.medical.FitnessStatus;
import org.itinera.core.task.BackgroundTask;
import org.itinera.core.workspace.Workspace;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.consent.ConsentPanel;
import org.itinera.desktop.consent.ConsentPanelViewModel;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.ErrorMessages;

/**
 * An opened person's file: the fitness-to-travel decision on top (never the medical details behind
 * it), then tabs for the person's details and their consents.
 */
final class PersonFile {
    private PersonFile() {
    }

    static Node create(AppContext context, Person person, Node personForm) {
        return create(context, person, personForm, () -> { });
    }

    /** {@code registryChanged} runs after a merge or unmerge changed which persons the registry lists. */
    static Node create(AppContext context, Person person, Node personForm, Runnable registryChanged) {
        Workspace ws = context.workspace();
        Messages m = context.messages();
        String office = person.details().officeId();
        TabPane tabs = new TabPane();
        tabs.setId("personFileTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab details = new Tab(m.get("personFile.details"), personForm);
        details.setId("tab-details");
        tabs.getTabs().add(details);
        if (ws.access().allows(ws.actor(), Permission.CONSENT_READ, office)) {
            Tab consent = new Tab(m.get("personFile.consent"));
            consent.setId("tab-consent");
            // built when first opened: reading consents is recorded in the audit trail
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
                if (t == consent && consent.getContent() == null) {
                    consent.setContent(ConsentPanel.create(new ConsentPanelViewModel(ws, context.executor(), m, person.id(),
                            office), m));
                }
            });
            tabs.getTabs().add(consent);
        }
        WrappedText fitness = new WrappedText();
        Runnable refreshFitness = () -> context.executor().execute(BackgroundTask.of("fitness",
                        p -> ws.health().fitness(ws.actor(), person.id()))
                .onSuccess(f -> fitness.setText(f.map(s -> describe(s, m)).orElse(m.get("fitness.none"))))
                .onFailure(e -> fitness.setText(new ErrorMessages(m).describe(e))));
        if (ws.access().allows(ws.actor(), Permission.MEDICAL_DETAIL_READ, office)) {
            lazyTab(tabs, "tab-medical", m.get("personFile.medical"),
                    () -> org.itinera.desktop.medical.MedicalPanel.create(context, person.id(), refreshFitness));
        }
        if (ws.access().allows(ws.actor(), Permission.PROTECTION_READ, office)) {
            lazyTab(tabs, "tab-protection", m.get("personFile.protection"),
                    () -> org.itinera.desktop.protection.ProtectionPanel.create(context, person.id()));
        }
        // duplicates merged into this person (issue 7): anyone who reads the file sees them, the merge right acts
        lazyTab(tabs, "tab-merged", m.get("personFile.merged"), () -> MergePanel.create(
                new MergeViewModel(ws, context.executor(), m, person, registryChanged), m));
        BorderPane root = new BorderPane(tabs);
        if (ws.access().allows(ws.actor(), Permission.FITNESS_DECISION_READ, office)) {
            fitness.setText(m.get("fitness.loading"));
            fitness.setId("fitnessStatus");
            fitness.getStyleClass().add("fitness-line");
            refreshFitness.run();
            VBox top = new VBox(fitness);
            top.setStyle("-fx-padding: 8 12 0 12;");
            root.setTop(top);
        }
        return root;
    }

    /** A tab whose content is built when first opened (opening it is a recorded read). */
    private static void lazyTab(TabPane tabs, String id, String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == tab && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        tabs.getTabs().add(tab);
    }

    static String describe(FitnessStatus s, Messages m) {
        String decision = m.label(s.decision()) + s.escort().map(e -> " (" + m.get("fitness.escort." + e) + ")").orElse("");
        return s.validUntil().map(u -> m.get("fitness.until", decision, s.validFrom().toString(), u.toString()))
                .orElse(m.get("fitness.from", decision, s.validFrom().toString()));
    }
}

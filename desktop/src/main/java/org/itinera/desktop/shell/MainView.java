package org.itinera.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.access.UserAccount;
import org.itinera.desktop.AppContext;
import org.itinera.desktop.i18n.Messages;
import org.itinera.desktop.ui.Views;

/** The main window: navigation to every area on the side, who is signed in on top, the area in the middle. */
public final class MainView {
    private final AppContext context;
    private final AreaScreens screens;
    private final Runnable onSignOut;
    private final Runnable onLock;
    private final Map<Area, Node> built = new EnumMap<>(Area.class);
    private final StackPane content = new StackPane();

    public MainView(AppContext context, AreaScreens screens, Runnable onSignOut) {
        this(context, screens, onSignOut, null);
    }

    /** With a "lock" button that hides everything until the user's passphrase is typed again. */
    public MainView(AppContext context, AreaScreens screens, Runnable onSignOut, Runnable onLock) {
        this.context = context;
        this.screens = screens;
        this.onSignOut = onSignOut;
        this.onLock = onLock;
    }

    public Parent create() {
        Messages m = context.messages();
        BorderPane root = new BorderPane();
        root.setTop(topBar(m));
        root.setLeft(navigation(m));
        content.setId("content");
        root.setCenter(content);
        show(Area.REGISTRY);
        return Views.oriented(root, m);
    }

    private Node topBar(Messages m) {
        UserAccount user = context.workspace().currentUser();
        Label app = Views.label(m, "app.name", "title-3");
        Label who = new Label(m.get("shell.signedInAs", user.displayName(), roles(user, m)));
        who.setId("signedInAs");
        who.getStyleClass().add("text-muted");
        Button signOut = new Button(m.get("shell.signOut"));
        signOut.setId("signOut");
        signOut.setOnAction(e -> onSignOut.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, app, grow, who, signOut);
        if (onLock != null) {
            Button lock = new Button(m.get("lock.now"));
            lock.setId("lockNow");
            lock.setOnAction(e -> onLock.run());
            bar.getChildren().add(bar.getChildren().indexOf(signOut), lock);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("top-bar");
        if (context.config().demo()) {
            Label demo = Views.label(m, "shell.demoBadge", "demo-badge");
            bar.getChildren().add(1, demo);
        }
        return bar;
    }

    private static String roles(UserAccount user, Messages m) {
        return String.join(", ", user.grants().stream().map(RoleGrant::role).distinct().sorted()
                .map(m::label).toList());
    }

    private Node navigation(Messages m) {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.getStyleClass().add("side-nav");
        for (Area area : Area.values()) {
            ToggleButton b = new ToggleButton(m.label(area));
            b.setId("nav-" + area.name());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setSelected(area == Area.REGISTRY);
            b.setOnAction(e -> {
                b.setSelected(true);
                show(area);
            });
            nav.getChildren().add(b);
        }
        nav.setPrefWidth(190);
        return nav;
    }

    void show(Area area) {
        Node screen = built.computeIfAbsent(area, a -> screens.create(a, context));
        content.getChildren().setAll(screen);
    }
}

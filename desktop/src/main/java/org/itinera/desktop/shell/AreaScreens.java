package org.itinera.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import org.itinera.desktop.AppContext;

/**
 * Which screen each area shows. Screens are built the first time their area is opened (lazy
 * loading keeps start-up short). Areas still being built show a plain statement saying so.
 */
public final class AreaScreens {
    private final Map<Area, Function<AppContext, Node>> factories = new EnumMap<>(Area.class);

    public AreaScreens register(Area area, Function<AppContext, Node> factory) {
        factories.put(area, factory);
        return this;
    }

    Node create(Area area, AppContext context) {
        Function<AppContext, Node> f = factories.get(area);
        return f != null ? f.apply(context) : PlaceholderView.create(area, context.messages());
    }
}

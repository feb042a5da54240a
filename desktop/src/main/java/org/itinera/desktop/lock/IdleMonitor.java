package org.itinera.desktop.lock;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Locks the window after a time without keyboard or mouse. Any key, click, mouse move or scroll
 * on the scene starts the wait again. Stopped while locked or signed out.
 */
public final class IdleMonitor {
    private final Scene scene;
    private final PauseTransition timer;
    private final EventHandler<InputEvent> activity;
    private boolean running;

    public IdleMonitor(Scene scene, Duration idle, Runnable onIdle) {
        this.scene = scene;
        this.timer = new PauseTransition(idle);
        this.timer.setOnFinished(e -> {
            stop();
            onIdle.run();
        });
        this.activity = e -> {
            if (running) {
                timer.playFromStart();
            }
        };
    }

    public void start() {
        if (running) {
            return;
        }
        running = true;
        for (EventType<? extends InputEvent> t : types()) {
            scene.addEventFilter(t, activity);
        }
        timer.playFromStart();
    }

    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        timer.stop();
        for (EventType<? extends InputEvent> t : types()) {
            scene.removeEventFilter(t, activity);
        }
    }

    public boolean running() {
        return running;
    }

    private static java.util.List<EventType<? extends InputEvent>> types() {
        return java.util.List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_MOVED, MouseEvent.MOUSE_PRESSED,
                MouseEvent.MOUSE_DRAGGED, ScrollEvent.SCROLL);
    }
}

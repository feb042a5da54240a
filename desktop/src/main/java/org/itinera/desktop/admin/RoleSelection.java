package org.itinera.desktop.admin;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.itinera.core.access.Role;
import org.itinera.core.access.RoleGrant;
import org.itinera.core.organisation.Office;
import org.itinera.core.reference.Country;

/** Roles ticked in a form, and the one scope they are granted in: the whole mission, an office or a country. */
public final class RoleSelection {
    public enum Scope { EVERYWHERE, OFFICE, COUNTRY }

    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.EVERYWHERE);
    final ObjectProperty<Office> office = new SimpleObjectProperty<>();
    final ObjectProperty<Country> country = new SimpleObjectProperty<>();

    public RoleSelection() {
        for (Role r : Role.values()) {
            roles.put(r, new SimpleBooleanProperty());
        }
    }

    public BooleanProperty role(Role r) {
        return roles.get(r);
    }

    public ObjectProperty<Scope> scope() {
        return scope;
    }

    public ObjectProperty<Office> office() {
        return office;
    }

    public ObjectProperty<Country> country() {
        return country;
    }

    /** The grants as ticked; a scope without its office or country falls back to none (the service refuses). */
    public Set<RoleGrant> grants() {
        Set<RoleGrant> out = new HashSet<>();
        for (Role r : Role.values()) {
            if (roles.get(r).get()) {
                out.add(switch (scope.get()) {
                    case EVERYWHERE -> RoleGrant.everywhere(r);
                    case OFFICE -> new RoleGrant(r, Optional.ofNullable(office.get()).map(Office::id), Optional.empty());
                    case COUNTRY -> new RoleGrant(r, Optional.empty(), Optional.ofNullable(country.get()).map(Country::alpha3));
                });
            }
        }
        return out;
    }

    /** Shows an account's grants (the scope of the first one, as the screen grants one scope at a time). */
    public void load(Set<RoleGrant> grants, java.util.List<Office> offices, java.util.function.Function<String, Optional<Country>> countries) {
        roles.forEach((r, p) -> p.set(grants.stream().anyMatch(g -> g.role() == r)));
        Optional<RoleGrant> first = grants.stream().findFirst();
        scope.set(first.map(g -> g.officeId().isPresent() ? Scope.OFFICE : g.country().isPresent() ? Scope.COUNTRY
                : Scope.EVERYWHERE).orElse(Scope.EVERYWHERE));
        office.set(first.flatMap(RoleGrant::officeId)
                .flatMap(id -> offices.stream().filter(o -> o.id().equals(id)).findFirst()).orElse(null));
        country.set(first.flatMap(RoleGrant::country).flatMap(countries).orElse(null));
    }
}

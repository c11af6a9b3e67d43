package dev.orgbff.emulator;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A link table: each key (an organization, a role, a membership) to the ids or values linked to it, in
 * the order they were added. Adding an existing link is a no-op, like Logto's {@code on conflict do nothing}.
 */
final class Relation<K> {

    private final Map<K, Set<String>> links = new HashMap<>();

    /** A copy of the values linked to {@code key}, in the order they were added; empty for an unknown key. */
    Set<String> get(K key) {
        return new LinkedHashSet<>(links.getOrDefault(key, Set.of()));
    }

    boolean contains(K key, String value) {
        Set<String> values = links.get(key);
        return values != null && values.contains(value);
    }

    void add(K key, String value) {
        links.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    /** Replaces every link of {@code key}; duplicates in {@code values} collapse. */
    void replace(K key, Collection<String> values) {
        links.put(key, new LinkedHashSet<>(values));
    }

    /** Removes one link; false when there was none. */
    boolean remove(K key, String value) {
        Set<String> values = links.get(key);
        return values != null && values.remove(value);
    }

    /** Drops every link of {@code key}: the cascade when the key's row is deleted. */
    void removeKey(K key) {
        links.remove(key);
    }

    /** Drops every link of the keys that match, as {@link #removeKey} does for one key. */
    void removeKeys(Predicate<? super K> condition) {
        links.keySet().removeIf(condition);
    }

    /** Unlinks {@code value} from every key: the cascade when the value's row is deleted. */
    void removeValue(String value) {
        links.values().forEach(values -> values.remove(value));
    }

    void clear() {
        links.clear();
    }
}

package dev.orgbff.graphql;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import graphql.execution.ResponseMapFactory;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's {@link ResponseMapFactory} for the objects of a result: each object is the two lists graphql-java has
 * already built, its field names and their values, seen as a map, where graphql-java's own factory copied them into
 * a new {@code LinkedHashMap} for every object of the answer (some 500 for an organization page). The maps are read
 * once, to write the JSON, in their fields' order; a lookup by name scans the names, which is fine for the few fields
 * of a selection.
 */
final class ResultObjects implements ResponseMapFactory {

    @Override
    public Map<String, Object> createInsertionOrdered(List<String> keys, List<Object> values) {
        return new ResultObject(keys, values);
    }

    /** Unmodifiable, in the order of its fields; {@code null} values kept (a field resolved to null is in the answer). */
    private static final class ResultObject extends AbstractMap<String, Object> {

        private final List<String> keys;
        private final List<Object> values;

        ResultObject(List<String> keys, List<Object> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public int size() {
            return keys.size();
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return keys.contains(key);
        }

        @Override
        public @Nullable Object get(@Nullable Object key) {
            int index = keys.indexOf(key);
            return index < 0 ? null : values.get(index);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return keys.size();
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.size();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= keys.size()) {
                                throw new NoSuchElementException();
                            }
                            int index = next++;
                            return new SimpleImmutableEntry<>(keys.get(index), values.get(index));
                        }
                    };
                }
            };
        }
    }
}

package io.snackbase.records.internal.records;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.records.RecordWriteListener;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The {@link RecordWriteListener} whiteboard, in {@code service.ranking} order. Keys are the
 * services' references (whose natural order is by ranking, then by id), so iterating the map
 * descending gives the highest ranking first. A listener's exception propagates: it must roll the
 * write back, since the listener's outbox row would otherwise be missing.
 */
public final class WriteListeners implements Consumer<RecordWrite> {

    private final ConcurrentSkipListMap<Comparable<Object>, RecordWriteListener> listeners = new ConcurrentSkipListMap<>();

    @SuppressWarnings("unchecked")
    public void add(Comparable<?> key, RecordWriteListener listener) {
        listeners.put((Comparable<Object>) key, listener);
    }

    @SuppressWarnings("unchecked")
    public void remove(Comparable<?> key) {
        listeners.remove((Comparable<Object>) key);
    }

    @Override
    public void accept(RecordWrite write) {
        for (Map.Entry<Comparable<Object>, RecordWriteListener> e : listeners.descendingMap().entrySet()) {
            e.getValue().recordWritten(write);
        }
    }
}

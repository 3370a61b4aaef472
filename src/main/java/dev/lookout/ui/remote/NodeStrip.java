package dev.lookout.ui.remote;

import java.awt.Color;
import java.awt.FlowLayout;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * Every node seen on the broker with its state: online (green), offline (grey: its Last Will or a clean stop), or
 * unknown while this window cannot reach the broker itself. Nodes are sorted by name. Event thread only.
 */
final class NodeStrip extends JPanel {

    /** What the window knows of a node. */
    enum State {
        ONLINE(new Color(0x1A7F37)), OFFLINE(new Color(0x8C959F)), UNKNOWN(new Color(0xB7791F));

        final Color color;

        State(Color color) {
            this.color = color;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, State> nodes = new TreeMap<>();
    private final JLabel none = new JLabel("No node has published on this broker yet.");

    NodeStrip() {
        super(new FlowLayout(FlowLayout.LEFT, 14, 4));
        setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        rebuild();
    }

    /** {@code node} went online or offline. */
    void set(String node, boolean online) {
        nodes.put(node, online ? State.ONLINE : State.OFFLINE);
        rebuild();
    }

    /** A node heard of through an event only (its availability may come later). */
    void seen(String node) {
        if (nodes.putIfAbsent(node, State.UNKNOWN) == null) {
            rebuild();
        }
    }

    /** The broker is out of reach: no node's state is known until it is back (its retained states come again). */
    void allUnknown() {
        nodes.replaceAll((node, state) -> State.UNKNOWN);
        rebuild();
    }

    /** The state shown for {@code node}, or null for a node never seen. */
    State state(String node) {
        return nodes.get(node);
    }

    private void rebuild() {
        removeAll();
        add(new JLabel("Nodes:"));
        if (nodes.isEmpty()) {
            add(none);
        }
        nodes.forEach((node, state) -> {
            JLabel label = new JLabel("\u25CF " + node + " " + state.label());
            label.setName("node:" + node);
            label.setForeground(state.color);
            label.setToolTipText(node + " is " + state.label());
            add(label);
        });
        revalidate();
        repaint();
    }
}

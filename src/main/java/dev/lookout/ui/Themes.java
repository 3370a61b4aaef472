package dev.lookout.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Locale;
import javax.swing.UIManager;

/** FlatLaf light and dark themes. Event thread only. */
public final class Themes {

    private Themes() {
    }

    /** Installs {@code light} or {@code dark} (anything else: dark) and updates open windows. */
    public static void apply(String name) {
        boolean light = "light".equals(name == null ? "" : name.toLowerCase(Locale.ROOT));
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
        UIManager.put("TextComponent.arc", 8);
        UIManager.put("ScrollBar.showButtons", false);
        if (light) {
            FlatLightLaf.setup();
        } else {
            FlatDarkLaf.setup();
        }
        FlatLaf.updateUI();
    }

    /** True when the installed look and feel is dark. */
    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }
}

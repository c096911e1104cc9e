import MingleCore
import MingleTerminal

/// The screens arrive with the front-end issue. Until then this module only states that fact,
/// so `mingle run` can say so plainly instead of pretending.
public enum MingleTUI {
    public static let isBuilt = false
}

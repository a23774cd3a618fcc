package dev.auroralab.ui.topology;

/** A rectangle in the topology's logical coordinates (before scaling to the canvas). */
public record Box(double x, double y, double w, double h) {

    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public double bottom() {
        return y + h;
    }

    public double right() {
        return x + w;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
}

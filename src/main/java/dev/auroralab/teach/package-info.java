/**
 * Teaching on top of the simulation (issue 14): myth/fact cards, the "why?" trace and distance to failure. Plain
 * Java over engine snapshots, event logs and runs: no JavaFX, no Jackson, so the command line and the tests check
 * exactly what the window shows.
 */
package dev.auroralab.teach;

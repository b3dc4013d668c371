/* Charts drawn on the server as SVG (the bulletin's): the geometry, pure.
 * The templates draw what this computes; every chart also has its table.
 * Coordinates are in the SVG's user units (viewBox 0 0 CHART_W height). */
#ifndef CHART_H_
#define CHART_H_
#include "arena.h"

#define CHART_W 640
/* The plot area of the line and column charts. */
#define CHART_LEFT 56
#define CHART_RIGHT 620
#define CHART_TOP 20
#define CHART_BOTTOM 200
#define CHART_HEIGHT 240

/* x of the middle of slot i of n across the plot area. */
int chart_slot_x(int i, int n);
/* y of a per-mille value (0 at the bottom, 1000 at the top). */
int chart_y(int permille);
/* Length of v out of max on a scale of len units (0 when max <= 0). */
int chart_len(long v, long max, int len);
/* "x,y x,y ..." for the values of n slots; a value of -1 (no data) is
 * left out. Arena memory; "" when no value is known. */
char *chart_points(struct arena *a, const int *permille, int n);
/* The bin (0..9) of a score in tenths of a point: 0-9.9 is 0, 90-100 is 9. */
int chart_bin(int tenths);
#endif

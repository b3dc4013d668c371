#include "chart.h"

int chart_slot_x(int i, int n)
{
	int w = CHART_RIGHT - CHART_LEFT;
	return n <= 0 ? CHART_LEFT : CHART_LEFT + (2 * i + 1) * w / (2 * n);
}

int chart_y(int permille)
{
	if (permille < 0)
		permille = 0;
	if (permille > 1000)
		permille = 1000;
	return CHART_BOTTOM - (CHART_BOTTOM - CHART_TOP) * permille / 1000;
}

int chart_len(long v, long max, int len)
{
	if (max <= 0 || v <= 0)
		return 0;
	if (v > max)
		v = max;
	return (int)((v * len + max / 2) / max);
}

char *chart_points(struct arena *a, const int *permille, int n)
{
	struct buf b;
	buf_init(&b, a);
	buf_puts(&b, "");
	for (int i = 0; i < n; i++)
		if (permille[i] >= 0)
			buf_printf(&b, "%s%d,%d", b.len ? " " : "", chart_slot_x(i, n),
				   chart_y(permille[i]));
	return buf_str(&b);
}

int chart_bin(int tenths)
{
	int bin = tenths / 100;
	return bin < 0 ? 0 : bin > 9 ? 9 : bin;
}

"""Records -> tables with units, peso basis, order and chart scales, for every output."""

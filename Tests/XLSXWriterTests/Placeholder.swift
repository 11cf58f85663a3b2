// Tests for the libxlsxwriter wrapper land here (issue 4).

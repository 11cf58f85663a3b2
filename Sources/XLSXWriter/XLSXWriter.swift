// The libxlsxwriter wrapper lands here (issue 4).

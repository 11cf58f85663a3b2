// Tests for the XLSX reader land here (issue 3).

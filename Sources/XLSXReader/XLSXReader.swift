// The streaming XLSX reader lands here (issue 3).

// The pipelines land here.

// STUB: replaced by the host work.
return 0;

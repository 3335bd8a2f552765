int fine = 1;
int alsoFine = 2;
int broken = "not a number";

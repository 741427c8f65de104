/* Sorts pseudo-random arrays with insertion sort and quicksort and prints checks of the results. */
#include "linux.h"

#define COUNT 400

static int values[COUNT];
static int copy[COUNT];

static unsigned int state = 12345;

static int next_random(void) {
  state = state * 1103515245u + 12345u;
  return (int)(state >> 1) - 0x20000000;
}

static void insertion_sort(int *a, int n) {
  for (int i = 1; i < n; i++) {
    int v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static void quicksort(int *a, int low, int high) {
  while (low < high) {
    int pivot = a[low + (high - low) / 2];
    int i = low;
    int j = high;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (j - low < high - i) {
      quicksort(a, low, j);
      low = i;
    } else {
      quicksort(a, i, high);
      high = j;
    }
  }
}

int main(void) {
  int failures = 0;
  for (int round = 0; round < 5; round++) {
    for (int i = 0; i < COUNT; i++) values[i] = copy[i] = next_random() >> (round * 5);
    insertion_sort(values, COUNT);
    quicksort(copy, 0, COUNT - 1);

    unsigned int sum = 0;
    int ordered = 1;
    for (int i = 0; i < COUNT; i++) {
      if (values[i] != copy[i]) failures++;
      if (i > 0 && values[i - 1] > values[i]) ordered = 0;
      sum = sum * 31 + (unsigned int)values[i];
    }
    print("round ");
    print_int(round);
    print(": min ");
    print_int(values[0]);
    print(" max ");
    print_int(values[COUNT - 1]);
    print(" median ");
    print_int(values[COUNT / 2]);
    print(" hash ");
    print_hex(sum);
    print(ordered ? " ordered\n" : " NOT ORDERED\n");
  }
  return failures;
}

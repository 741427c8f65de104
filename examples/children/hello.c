/* hello: writes one line to a LOG session and exits with 0. */
#include "runtime/crspec.h"

int main(void)
{
	cap_t log = log_open("hello");

	if (!log)
		return 1;
	log_write(log, "hello from crspec");
	return 0;
}

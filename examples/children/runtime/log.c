/* LOG session interface. */
#include "crspec.h"

cap_t log_open(const char *label)
{
	char args[MSG_DATA_MAX];

	if (snprintf(args, sizeof args, "label=%s", label) >= (int)sizeof args)
		return 0;
	return parent_session("LOG", args);
}

int log_write(cap_t log, const char *text)
{
	struct crspec_msg msg;

	msg_init(&msg, LOG_WRITE);
	msg_set_text(&msg, text);
	return rpc_call(log, &msg);
}

int log_printf(cap_t log, const char *format, ...)
{
	char line[MSG_DATA_MAX + 1];
	va_list arguments;

	va_start(arguments, format);
	vsnprintf(line, sizeof line, format, arguments);
	va_end(arguments);
	return log_write(log, line);
}

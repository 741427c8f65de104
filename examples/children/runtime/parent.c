/* Parent interface: sessions, exit and announcing services. */
#include "crspec.h"

cap_t parent_session(const char *service, const char *args)
{
	struct crspec_msg msg;
	size_t service_size = strlen(service);
	size_t args_size = strlen(args);

	/* data = service name, NUL, arguments */
	if (service_size + 1 + args_size > MSG_DATA_MAX)
		return 0;
	msg_init(&msg, PARENT_SESSION);
	memcpy(msg.data, service, service_size);
	msg.data[service_size] = 0;
	memcpy(msg.data + service_size + 1, args, args_size);
	msg.len = service_size + 1 + args_size;

	if (rpc_call(__parent_cap, &msg) != RPC_OK)
		return 0;
	return msg.cap;
}

int parent_close(cap_t session)
{
	struct crspec_msg msg;

	msg_init(&msg, PARENT_CLOSE);
	msg.cap = session;
	return rpc_call(__parent_cap, &msg);
}

void parent_exit(int code)
{
	struct crspec_msg msg;

	msg_init(&msg, PARENT_EXIT);
	msg.word[0] = (uint32_t)code;
	rpc_call(__parent_cap, &msg);

	/* Reached only if the parent rejects the call: end this thread instead. */
	sys_thread_exit();
}

int parent_announce(const char *service, cap_t object)
{
	struct crspec_msg msg;

	msg_init(&msg, PARENT_ANNOUNCE);
	msg.cap = object;
	msg_set_text(&msg, service);
	return rpc_call(__parent_cap, &msg);
}

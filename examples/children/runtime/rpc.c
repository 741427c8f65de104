/* Message helpers and the RPC call and wait wrappers. */
#include "crspec.h"

void msg_init(struct crspec_msg *msg, uint32_t op)
{
	memset(msg, 0, sizeof *msg);
	msg->op = op;
}

int msg_set_data(struct crspec_msg *msg, const void *bytes, size_t size)
{
	if (size > MSG_DATA_MAX)
		return -1;
	memcpy(msg->data, bytes, size);
	msg->len = size;
	return 0;
}

void msg_set_text(struct crspec_msg *msg, const char *text)
{
	size_t size = strlen(text);

	if (size > MSG_DATA_MAX)
		size = MSG_DATA_MAX;
	memcpy(msg->data, text, size);
	msg->len = size;
}

int rpc_call(cap_t cap, struct crspec_msg *msg)
{
	uint32_t status = sys_call(cap, msg);

	if (status != SYS_STATUS_OK)
		return -(int)status;
	return (int)msg->op;
}

int rpc_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge)
{
	return -(int)sys_wait(endpoint, msg, badge);
}

int rpc_reply_and_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge)
{
	return -(int)sys_reply_and_wait(endpoint, msg, badge);
}

int signal_wait(cap_t receiver, uint32_t *badge, uint32_t *count)
{
	return -(int)sys_signal_wait(receiver, badge, count);
}

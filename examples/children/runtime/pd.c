/* PD session and dataspace interfaces. */
#include "crspec.h"

/* Calls pd with operation op and the optional cap and word[0]; returns the reply's cap, or 0. */
static cap_t pd_request_cap(cap_t pd, uint32_t op, cap_t cap, uint32_t word)
{
	struct crspec_msg msg;

	msg_init(&msg, op);
	msg.cap = cap;
	msg.word[0] = word;
	if (rpc_call(pd, &msg) != RPC_OK)
		return 0;
	return msg.cap;
}

cap_t pd_session(void)
{
	return parent_session("PD", "");
}

cap_t pd_alloc(cap_t pd, uint32_t size)
{
	return pd_request_cap(pd, PD_ALLOC, 0, size);
}

int pd_free(cap_t pd, cap_t ds)
{
	struct crspec_msg msg;

	msg_init(&msg, PD_FREE);
	msg.cap = ds;
	return rpc_call(pd, &msg);
}

cap_t pd_address_space(cap_t pd)
{
	return pd_request_cap(pd, PD_ADDRESS_SPACE, 0, 0);
}

cap_t pd_alloc_endpoint(cap_t pd)
{
	return pd_request_cap(pd, PD_ALLOC_ENDPOINT, 0, 0);
}

cap_t pd_alloc_rpc_object(cap_t pd, cap_t endpoint, uint32_t badge)
{
	return pd_request_cap(pd, PD_ALLOC_RPC_OBJECT, endpoint, badge);
}

cap_t pd_alloc_signal_receiver(cap_t pd)
{
	return pd_request_cap(pd, PD_ALLOC_SIGNAL_RECEIVER, 0, 0);
}

cap_t pd_alloc_signal_context(cap_t pd, cap_t receiver, uint32_t badge)
{
	return pd_request_cap(pd, PD_ALLOC_SIGNAL_CONTEXT, receiver, badge);
}

int pd_submit(cap_t pd, cap_t context)
{
	struct crspec_msg msg;

	msg_init(&msg, PD_SUBMIT);
	msg.cap = context;
	return rpc_call(pd, &msg);
}

int pd_ram_avail(cap_t pd, uint32_t *bytes)
{
	struct crspec_msg msg;
	int result;

	msg_init(&msg, PD_RAM_AVAIL);
	result = rpc_call(pd, &msg);
	if (result == RPC_OK)
		*bytes = msg.word[0];
	return result;
}

cap_t pd_alloc_region_map(cap_t pd, uint32_t size)
{
	return pd_request_cap(pd, PD_ALLOC_REGION_MAP, 0, size);
}

int ds_size(cap_t ds, uint32_t *size)
{
	struct crspec_msg msg;
	int result;

	msg_init(&msg, DS_SIZE);
	result = rpc_call(ds, &msg);
	if (result == RPC_OK)
		*size = msg.word[0];
	return result;
}

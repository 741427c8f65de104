/* Region map interface. */
#include "crspec.h"

uintptr_t rm_attach(cap_t rm, cap_t ds, uintptr_t address, uint32_t size, uint32_t offset,
                    uint32_t flags)
{
	struct crspec_msg msg;

	msg_init(&msg, RM_ATTACH);
	msg.cap = ds;
	msg.word[0] = address;
	msg.word[1] = size;
	msg.word[2] = offset;
	msg.word[3] = flags;
	if (rpc_call(rm, &msg) != RPC_OK)
		return 0;
	return msg.word[0];
}

int rm_detach(cap_t rm, uintptr_t address)
{
	struct crspec_msg msg;

	msg_init(&msg, RM_DETACH);
	msg.word[0] = address;
	return rpc_call(rm, &msg);
}

cap_t rm_dataspace(cap_t rm)
{
	struct crspec_msg msg;

	msg_init(&msg, RM_DATASPACE);
	if (rpc_call(rm, &msg) != RPC_OK)
		return 0;
	return msg.cap;
}

int rm_fault_handler(cap_t rm, cap_t context)
{
	struct crspec_msg msg;

	msg_init(&msg, RM_FAULT_HANDLER);
	msg.cap = context;
	return rpc_call(rm, &msg);
}

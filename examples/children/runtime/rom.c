/* ROM session interface. */
#include "crspec.h"

cap_t rom_open(const char *module)
{
	char args[MSG_DATA_MAX];

	if (snprintf(args, sizeof args, "label=%s", module) >= (int)sizeof args)
		return 0;
	return parent_session("ROM", args);
}

cap_t rom_dataspace(cap_t rom)
{
	struct crspec_msg msg;

	msg_init(&msg, ROM_DATASPACE);
	if (rpc_call(rom, &msg) != RPC_OK)
		return 0;
	return msg.cap;
}

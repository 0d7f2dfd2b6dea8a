"""Who a Teams activity says can be reached in a personal chat, validated before it is kept."""

from __future__ import annotations

from botbuilder.schema import Activity

from consultations.adapters.teams.personal import PersonalChat, address_of, chat_of


def incoming(kind: str = "personal", service_url: str = "https://smba.example/emea/") -> Activity:
    return Activity().deserialize(
        {
            "type": "message",
            "serviceUrl": service_url,
            "channelId": "msteams",
            "from": {"id": "29:user", "aadObjectId": "aad-user"},
            "recipient": {"id": "28:bot"},
            "conversation": {"id": "a:1chat", "conversationType": kind},
            "channelData": {"tenant": {"id": "tenant-1"}},
        }
    )


def test_a_personal_message_gives_the_chat_to_post_into_later() -> None:
    chat = chat_of(incoming())
    assert chat == PersonalChat(
        service_url="https://smba.example/emea/",
        tenant_id="tenant-1",
        bot_id="28:bot",
        user_id="29:user",
        conversation_id="a:1chat",
    )
    reference = chat.reference()
    assert reference.conversation.id == "a:1chat" and reference.user.id == "29:user"
    assert reference.conversation.conversation_type == "personal"


def test_a_channel_message_gives_an_address_but_no_personal_chat() -> None:
    activity = incoming("channel")
    assert chat_of(activity) is None
    address = address_of(activity)
    assert address is not None and address.user_id == "29:user"


def test_an_address_that_is_not_one_is_not_kept() -> None:
    for url in ("javascript:alert(1)", "", "https://evil.example/<script>"):
        assert address_of(incoming(service_url=url)) is None, url
        assert chat_of(incoming(service_url=url)) is None

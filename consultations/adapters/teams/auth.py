"""Bot Framework authentication from our settings (one place, shared by server and workers)."""

from __future__ import annotations

from types import SimpleNamespace

import structlog
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botframework.connector.auth import AuthenticationConstants

from consultations.adapters.settings import Settings

log = structlog.get_logger(__name__)


class TeamsSettingsError(ValueError):
    pass


def check(settings: Settings) -> None:
    if not settings.microsoft_app_id:
        if settings.neurips_env != "dev":
            raise TeamsSettingsError(
                "Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD; an empty app id "
                "(anonymous) is accepted only with NEURIPS_ENV=dev"
            )
        return
    needs_secret = settings.microsoft_app_type in ("MultiTenant", "SingleTenant")
    if needs_secret and not settings.microsoft_app_password.get_secret_value():
        raise TeamsSettingsError("MICROSOFT_APP_PASSWORD is required for this MICROSOFT_APP_TYPE")
    if settings.microsoft_app_type == "SingleTenant" and not settings.microsoft_app_tenant_id:
        raise TeamsSettingsError("MICROSOFT_APP_TENANT_ID is required for SingleTenant")


class StrictAuthentication(ConfigurationBotFrameworkAuthentication):
    """Any failure to authenticate a request is a 401, never a 500.

    botframework raises assorted errors for a missing header, an unknown key or a bad
    signature; the adapter turns only PermissionError into 401.
    """

    async def authenticate_request(self, activity, auth_header):
        try:
            return await super().authenticate_request(activity, auth_header)
        except PermissionError:
            raise
        except Exception as e:  # noqa: BLE001 — whatever failed, the caller is not authenticated
            log.info("teams.unauthenticated", reason=repr(e)[:300])
            raise PermissionError(f"request not authenticated: {type(e).__name__}") from e


def build_adapter(settings: Settings) -> CloudAdapter:
    config = SimpleNamespace(
        APP_ID=settings.microsoft_app_id,
        APP_PASSWORD=settings.microsoft_app_password.get_secret_value(),
        APP_TYPE=settings.microsoft_app_type,
        APP_TENANTID=settings.microsoft_app_tenant_id,
    )
    if settings.microsoft_openid_metadata_url:
        # overriding one endpoint makes botframework take every endpoint from the config:
        # the public cloud's, with the OpenID metadata (signing keys) from the setting
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.microsoft_openid_metadata_url
        config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = (
            AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
        )
        config.TO_CHANNEL_FROM_BOT_LOGIN_URL = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL
        config.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = (
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        )
        config.OAUTH_URL = AuthenticationConstants.OAUTH_URL
        config.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = (
            AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
        )
    return CloudAdapter(StrictAuthentication(config))
